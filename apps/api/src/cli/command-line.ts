import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './cli-errors';

type Options = NonNullable<ParseArgsConfig['options']>;
type Parsed<T extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: T; strict: true; allowPositionals: true }>>;

/** One command's arguments, strictly: an unknown option, a missing value or a stray argument is a usage error. */
export function parseCommandLine<const T extends Options>(command: string, args: string[], options: T, positionals: string[] = []): Parsed<T> {
  let parsed: Parsed<T>;
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals: true });
  } catch (error) {
    // Node's message goes on to explain `--`; its first sentence is what went wrong.
    throw new UsageError(`${command}: ${String((error as Error).message).split('. ')[0]}`);
  }
  if (parsed.positionals.length !== positionals.length) {
    throw new UsageError(
      positionals.length
        ? `${command}: expected ${positionals.map((name) => `<${name}>`).join(' ')}`
        : `${command}: unexpected argument "${parsed.positionals[0]}"`,
    );
  }
  return parsed;
}

/** The value of an option the command cannot do without. */
export function requiredOption<V extends object, K extends keyof V & string>(command: string, values: V, name: K): NonNullable<V[K]> {
  const value = values[name];
  if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) throw new UsageError(`${command}: --${name} is required`);
  return value;
}
