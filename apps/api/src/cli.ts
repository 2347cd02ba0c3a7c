import 'reflect-metadata';
import { runCli } from './cli/run';

/** `npm run keyhouse -- <command>`: the operator's commands (see cli/usage.ts). */
void runCli(process.argv.slice(2), process.env, {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}).then((code) => {
  process.exitCode = code;
});
