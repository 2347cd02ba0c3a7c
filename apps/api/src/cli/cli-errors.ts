import { ValidationFailedException } from '@keyhouse/api-platform';

/** The command line was not understood: the usage goes to stderr, exit code 2. */
export class UsageError extends Error {}

/** The command was understood but cannot be done (a bad value, nothing by that name, a file in the way): exit code 1. */
export class CommandError extends Error {}

/** A service refused the values: each of its messages is shown at the option that carried the value. */
export function refusedOptions(error: unknown, optionOf: Record<string, string>): never {
  if (!(error instanceof ValidationFailedException)) throw error;
  const lines = Object.entries(error.errors).map(([field, message]) => `  ${optionOf[field] ?? field}: ${message}`);
  throw new CommandError([error.message, ...lines].join('\n'));
}
