import cluster from 'node:cluster';
import { Logger } from '@nestjs/common';
import { FirstAdminSeeder } from '@keyhouse/api-identity';
import { KeyFileError } from '@keyhouse/api-keys';
import { DatabaseUnavailableError } from '@keyhouse/api-persistence';
import { createApp } from './app';
import { runPrimary } from './cluster/primary';
import { runWorker } from './cluster/worker';
import { loadConfig, type AppConfig } from './config/app-config';
import { ConfigError } from './config/env-readers';
import { printFirstAdmin } from './first-admin-notice';
import { stopOnSignals } from './shutdown';

/** Start-up problems end the process with exit code 1 and one readable line, never a stack trace. */
function fail(line: string): never {
  process.stderr.write(`keyhouse: ${line}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  if (config.workers > 1) return cluster.isPrimary ? runPrimary(config) : runWorker(config);
  const app = await createApp(config);
  stopOnSignals(app, { delayMs: config.server.shutdownDelaySeconds * 1000 });
  // Printed as soon as it exists, before anything else can fail, so a generated password is never lost;
  // seeded before listening, so "ready" means the admin can sign in.
  const seededAdmin = await app.get(FirstAdminSeeder).seedIfEmpty();
  if (seededAdmin) printFirstAdmin(seededAdmin, config.server.issuer);
  await app.listen({ port: config.server.port, host: config.server.host });
  new Logger('Keyhouse').log(`listening on ${config.server.host}:${config.server.port}; console at ${config.server.issuer}/admin`);
}

main().catch((error: unknown) => {
  if (error instanceof DatabaseUnavailableError) fail(`DATABASE_URL: ${error.message}`);
  if (error instanceof KeyFileError) fail(error.message);
  const code = (error as { code?: string }).code;
  if (code === 'EADDRINUSE') fail(`PORT: the port is already in use (${(error as Error).message})`);
  fail(`start-up failed: ${(error as Error)?.message ?? String(error)}`);
});
