import { KeyFileError } from '@keyhouse/api-keys';
import { DatabaseUnavailableError } from '@keyhouse/api-persistence';
import { loadConfig, type AppConfig } from '../config/app-config';
import { ConfigError } from '../config/env-readers';
import { createApplication, deactivateApplication } from './applications.command';
import { cleanup } from './cleanup.command';
import { CommandError, UsageError } from './cli-errors';
import { generateKeys, retireKey, rotateKeys } from './keys.command';
import { USAGE } from './usage';
import { createUser } from './users.command';

/** A command takes its own arguments and answers what to print on stdout. */
type Command = (args: string[], config: AppConfig) => Promise<string>;

const COMMANDS: Record<string, Command> = {
  'keys generate': generateKeys,
  'keys rotate': rotateKeys,
  'keys retire': retireKey,
  'applications create': createApplication,
  'applications deactivate': deactivateApplication,
  'users create': createUser,
  cleanup,
};

// Own names only: `constructor` or `toString` are not commands, whatever a plain object inherits.
const isCommand = (name: string) => Object.hasOwn(COMMANDS, name);

export interface Streams {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** Runs one command line; answers the exit code. Failures are one readable message, never a stack trace. */
export async function runCli(argv: string[], env: NodeJS.ProcessEnv, { stdout, stderr }: Streams): Promise<number> {
  if (['help', '--help', '-h'].includes(argv[0])) {
    stdout(USAGE);
    return 0;
  }
  try {
    const [name, args] = isCommand(`${argv[0]} ${argv[1]}`) ? [`${argv[0]} ${argv[1]}`, argv.slice(2)] : [argv[0], argv.slice(1)];
    const command = name !== undefined && isCommand(name) ? COMMANDS[name] : undefined;
    if (!command) throw new UsageError(argv.length ? `unknown command "${argv.slice(0, 2).join(' ')}"` : 'no command given');
    stdout(`${await command(args, loadConfig(env))}\n`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      stderr(`keyhouse: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    stderr(`keyhouse: ${failure(error)}\n`);
    return 1;
  }
}

function failure(error: unknown): string {
  if (error instanceof CommandError || error instanceof ConfigError || error instanceof KeyFileError) return error.message;
  if (error instanceof DatabaseUnavailableError) return `DATABASE_URL: ${error.message}`;
  return `failed: ${error instanceof Error ? error.message : String(error)}`;
}
