import 'reflect-metadata';
import { createServer, type RequestListener, type Server } from 'node:http';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import { Logger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { IntrospectionEndpoint, mountOAuthEndpoints, ProtocolServer, RevocationEndpoint, TokenEndpoint, UserInfoEndpoint } from '@keyhouse/api-oauth';
import { answerMethodNotAllowed, registerBodyParsers, registerRequestContext, serveConsoleAssets } from '@keyhouse/api-platform';
import { serveApiDocs } from './api-docs';
import { AppModule } from './app.module';
import type { WorkerChannel } from './cluster/worker-channel';
import type { AppConfig } from './config/app-config';
import { openAppDatabase } from './database';
import { SHUTDOWN_GRACE_MS } from './shutdown';

/** The built SPA; `dist/api/apps/api/src` is where this file lands after the build. */
export const CONSOLE_DIST_DIR = join(__dirname, '../../../../admin');

const BODY_LIMIT_BYTES = 256 * 1024;

/**
 * How long an idle keep-alive connection stays open: Fastify's own default, which the server made
 * here would otherwise lose for Node's 5 s. A load balancer reuses its idle connections to the
 * instances for longer than 5 s (HAProxy's pool, a cloud balancer's 60 s), and a request it sends
 * just as the instance closes one fails with a 502; the instance must be the last to close.
 */
const KEEP_ALIVE_TIMEOUT_MS = 72_000;

export interface CreateAppOptions {
  consoleDistDir?: string;
  logLevels?: LogLevel[];
  shutdownGraceMs?: number;
  /**
   * Set in a node:cluster worker: the primary has migrated the database, owns the usage batches
   * and gathers the metrics.
   */
  worker?: WorkerChannel;
}

/** Opens and migrates the database and builds the HTTP app, not yet listening. */
export async function createApp(
  config: AppConfig,
  { consoleDistDir = CONSOLE_DIST_DIR, logLevels = ['log', 'warn', 'error'], shutdownGraceMs = SHUTDOWN_GRACE_MS, worker }: CreateAppOptions = {},
): Promise<NestFastifyApplication> {
  Logger.overrideLogger(logLevels);
  const dataSource = await openAppDatabase(config, { migrate: !worker });

  const protocol = new ProtocolServer(config.server.trustProxy, worker && ((write) => worker.usage.answerAfterHandOver(write)));
  let server!: Server;
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    serverFactory: (framework: RequestListener) => {
      server = createServer(protocol.listener(framework));
      server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
      return server;
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, dataSource, consoleDistDir, worker),
    adapter,
    { abortOnError: false, logger: logLevels, bodyParser: false },
  );
  answerMethodNotAllowed(app.getHttpAdapter().getInstance());
  registerBodyParsers(app.getHttpAdapter().getInstance());
  registerRequestContext(app.getHttpAdapter().getInstance(), config.server.trustProxy);
  await app.register(fastifyCookie);
  await serveConsoleAssets(app, consoleDistDir);
  serveApiDocs(app);
  mountOAuthEndpoints(protocol, {
    token: app.get(TokenEndpoint),
    revocation: app.get(RevocationEndpoint),
    introspection: app.get(IntrospectionEndpoint),
    userinfo: app.get(UserInfoEndpoint),
  });
  app.getHttpAdapter().getInstance().addHook('onRequest', (_request, reply, done) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    done();
  });
  app.getHttpAdapter().getInstance().addHook('preClose', (done) => {
    setTimeout(() => server.closeAllConnections(), shutdownGraceMs).unref();
    done();
  });
  app.getHttpAdapter().getInstance().addHook('onClose', async () => {
    await dataSource.destroy();
  });
  return app;
}
