import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { FirstAdminSeeder, PasswordHasher, type SeededAdmin } from '@keyhouse/api-identity';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app';
import { loadConfig, type AppConfig } from '../../src/config/app-config';
import { freshDatabase, type TestDatabase } from './databases';
import { HttpClient } from './http-client';

export const ADMIN = { username: 'admin', password: 'integration-admin-password' };

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  dataSource: DataSource;
  baseUrl: string;
  seededAdmin?: SeededAdmin;
  /** A new client with no session. */
  client(): HttpClient;
  /** A new client signed in as `username` (default: the first admin). */
  signedIn(username?: string, password?: string): Promise<HttpClient>;
  close(): Promise<void>;
}

/**
 * The real HTTP app, listening on a free port of 127.0.0.1, on a fresh database of the dialect
 * under test. `env` overrides configuration exactly as environment variables would.
 */
export async function startTestApp(
  env: Record<string, string> = {},
  options: { consoleDistDir?: string; database?: TestDatabase; shutdownGraceMs?: number } = {},
): Promise<TestApp> {
  const database = options.database ?? (await freshDatabase());
  const keysDir = mkdtempSync(join(tmpdir(), 'keyhouse-keys-'));
  const config = loadConfig({
    DATABASE_URL: database.url,
    ADMIN_USERNAME: ADMIN.username,
    ADMIN_PASSWORD: ADMIN.password,
    // Each app its own key pair, generated on start (OAUTH_GENERATE_KEYS=false: keys missing).
    OAUTH_PRIVATE_KEY_PATH: join(keysDir, 'oauth_private.key'),
    OAUTH_PUBLIC_KEY_PATH: join(keysDir, 'oauth_public.key'),
    OAUTH_GENERATE_KEYS: 'true',
    ...env,
  });
  // Errors only: every test file starts several apps, and their start-up lines drown the results.
  const app = await createApp(config, {
    consoleDistDir: options.consoleDistDir ?? '/nonexistent/admin',
    logLevels: ['error'],
    shutdownGraceMs: options.shutdownGraceMs,
  });
  const seededAdmin = await app.get(FirstAdminSeeder).seedIfEmpty();
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.getHttpServer().address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    app,
    config,
    dataSource: app.get(DataSource),
    baseUrl,
    seededAdmin,
    client: () => new HttpClient(baseUrl),
    async signedIn(username = ADMIN.username, password = ADMIN.password) {
      const client = new HttpClient(baseUrl);
      const answer = await client.signIn(username, password);
      if (answer.status !== 200) throw new Error(`sign-in as ${username} failed: ${answer.status} ${JSON.stringify(answer.body)}`);
      return client;
    },
    async close() {
      await app.close();
      if (!options.database) await database.drop();
    },
  };
}

/** A cheap hasher for test fixtures: users made by tests need no production-strength digest. */
export const fastHasher = new PasswordHasher({ N: 2 ** 10, r: 8, p: 1 });
