import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Draining } from '@keyhouse/api-platform';

/**
 * On close, responses still being sent get this long to finish; then their connections are cut.
 * A client that stops reading (or a stalled network) would otherwise hold shutdown forever.
 */
export const SHUTDOWN_GRACE_MS = 10_000;

const SIGNALS = ['SIGTERM', 'SIGINT'] as const;

export interface ShutdownTimes {
  /** SHUTDOWN_DELAY_SECONDS: how long the instance goes on serving once /health/ready says it is stopping. */
  delayMs: number;
  graceMs?: number;
}

/**
 * Stops the instance so that a load balancer in front of it loses no request:
 * 1. /health/ready answers 503 and every answer closes its connection: the balancer takes the
 *    instance out of rotation, and keeps no idle connection to it that it might send a request
 *    down just as the instance closes it;
 * 2. after the delay, no new connection is accepted, idle ones are closed, and the requests in
 *    flight finish (cut after the grace period);
 * 3. only then do the modules stop, so what every request counted (usage, "last used") is written
 *    before the database closes. (`app.close()` alone stops the modules first.)
 */
export async function stopGracefully(app: NestFastifyApplication, { delayMs, graceMs = SHUTDOWN_GRACE_MS }: ShutdownTimes): Promise<void> {
  const server = app.getHttpServer() as Server;
  app.get(Draining).start();
  server.prependListener('request', closeAfterAnswer);
  await sleep(delayMs);
  await new Promise<void>((resolve) => {
    const cut = setTimeout(() => server.closeAllConnections(), graceMs).unref();
    server.close(() => {
      clearTimeout(cut);
      resolve();
    });
  });
  await app.close();
}

function closeAfterAnswer(_request: IncomingMessage, response: ServerResponse): void {
  response.setHeader('Connection', 'close');
}

/**
 * SIGTERM (an orchestrator stopping the instance) or SIGINT (Ctrl-C) stops it gracefully, and then
 * the process ends by that signal, as it would unhandled. A second signal ends it at once.
 */
export function stopOnSignals(app: NestFastifyApplication, times: ShutdownTimes): void {
  const logger = new Logger('Keyhouse');
  const stop = (signal: NodeJS.Signals) => {
    for (const each of SIGNALS) process.removeListener(each, stop);
    logger.log(`${signal}: stopping${times.delayMs ? ` in ${times.delayMs / 1000} s (not ready from now on)` : ''}`);
    stopGracefully(app, times).then(
      () => process.kill(process.pid, signal),
      (error: unknown) => {
        logger.error(`stopping failed: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  for (const signal of SIGNALS) process.on(signal, stop);
}
