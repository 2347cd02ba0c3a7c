import { Logger } from '@nestjs/common';
import { Metrics } from '@keyhouse/api-metrics';
import { createApp } from '../app';
import type { AppConfig } from '../config/app-config';
import { stopGracefully } from '../shutdown';
import { WorkerChannel } from './worker-channel';

/**
 * A worker of WORKERS > 1: the whole application on the port shared through node:cluster, with
 * the database already migrated and the first administrator seeded by the primary.
 */
export async function runWorker(config: AppConfig): Promise<void> {
  const channel = new WorkerChannel((message, sent) => process.send?.(message, undefined, undefined, sent));
  process.on('message', (message: unknown) => channel.received(message));
  const app = await createApp(config, { worker: channel });
  channel.serveMetrics(app.get(Metrics));

  // Stops as a single instance does (not ready, then drained, then closed), then makes sure the
  // primary has every usage event before exiting. The primary sends SIGTERM; SIGINT comes from a
  // terminal's Ctrl-C, to the primary and every worker at once: the second signal changes nothing.
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= stopGracefully(app, { delayMs: config.server.shutdownDelaySeconds * 1000 })
      .then(() => channel.usage.flush())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          new Logger('Keyhouse').error(`stopping failed: ${(error as Error).message}`);
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  await app.listen({ port: config.server.port, host: config.server.host });
}
