import cluster, { type Worker } from 'node:cluster';
import { setTimeout as sleep } from 'node:timers/promises';
import { Logger } from '@nestjs/common';
import { FirstAdminSeeder, PasswordHasher } from '@keyhouse/api-identity';
import { UsageRecorder } from '@keyhouse/api-oauth';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { openAppDatabase } from '../database';
import { printFirstAdmin } from '../first-admin-notice';
import { CrashLoopGuard } from './crash-loop-guard';
import { isFromWorker, type PrimaryMessage } from './messages';
import { MetricsGathering } from './metrics-gathering';
import { recordUsage } from './usage-relay';

/**
 * After SHUTDOWN_DELAY_SECONDS, longer than a worker's own drain (ten seconds for responses still
 * being sent, see shutdown.ts) and closing its database.
 */
const DRAIN_DEADLINE_MS = 30_000;

/**
 * After a worker exits, what it sent is still read from its channel, up to the end, where
 * node:cluster says the worker disconnected. It may never say so (a handle that was on its way to
 * the worker when it died keeps the channel open), so the wait is bounded: the rest of what the
 * worker wrote is read in milliseconds.
 */
const CHANNEL_END_WAIT_MS = 2_000;

/**
 * The primary of WORKERS > 1. It prepares the database once (migrations, and the first
 * administrator, whose generated password it alone prints), then runs the workers that share
 * the port and replaces any that dies. It keeps what must outlive a worker: the usage batches,
 * which it alone writes, and the gathering of every worker's metrics. It serves no HTTP itself.
 */
export async function runPrimary(config: AppConfig): Promise<void> {
  Logger.overrideLogger(['log', 'warn', 'error']);
  // Workers only open the database, so no two processes ever race to migrate it.
  const dataSource = await openAppDatabase(config, { migrate: true });
  const seeded = await new FirstAdminSeeder(dataSource, new PasswordHasher(), config.identity).seedIfEmpty();
  if (seeded) printFirstAdmin(seeded, config.server.issuer);
  await new Primary(config, dataSource).start();
}

class Primary {
  private readonly logger = new Logger('Cluster');
  private readonly usage: UsageRecorder;
  private readonly guard = new CrashLoopGuard();
  private readonly metrics = new MetricsGathering();
  private readonly serving = new Set<Worker>();
  /** Each worker until it has exited and its channel has been read to the end. */
  private readonly running = new Map<Worker, Promise<void>>();
  private stopping?: Promise<void>;

  constructor(
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
  ) {
    this.usage = new UsageRecorder(dataSource);
  }

  async start(): Promise<void> {
    // Each worker accepts its own connections from the shared socket, instead of the primary
    // accepting them and handing each to a worker (round-robin, Node's default on Linux): a worker
    // killed while a connection was on its way to it would leave that connection open in the
    // primary, unanswered until the client gives up. Under load the kernel spreads connections
    // evenly enough (26 and 21 of 47 keep-alive connections in a trial on two workers).
    cluster.schedulingPolicy = cluster.SCHED_NONE;
    for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => void this.stop(signal, 0));
    // The first worker alone: it creates a missing key pair before another could race it for the
    // files, and a start-up that cannot work (a port in use, a bad key file) is told once, by it.
    await this.fork();
    if (this.stopping) return;
    await Promise.all(Array.from({ length: this.config.workers - 1 }, () => this.fork()));
    if (this.stopping) return;
    const { host, port, issuer } = this.config.server;
    this.logger.log(`listening on ${host}:${port} with ${this.config.workers} workers; console at ${issuer}/admin`);
  }

  /** Starts a worker; resolves once it serves or has died. */
  private fork(): Promise<void> {
    const worker = cluster.fork();
    const name = `worker ${worker.id} (pid ${worker.process.pid})`;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    const disconnected = new Promise<void>((resolve) => worker.once('disconnect', () => resolve()));
    this.running.set(
      worker,
      exited.then(() => Promise.race([disconnected, sleep(CHANNEL_END_WAIT_MS)])).then(() => void this.running.delete(worker)),
    );
    worker.on('message', (message: unknown) => this.received(worker, message));
    worker.on('error', (error: Error) => this.logger.warn(`${name}: ${error.message}`));
    return new Promise<void>((started) => {
      let served = false;
      worker.once('listening', () => {
        served = true;
        this.serving.add(worker);
        this.guard.served();
        this.logger.log(`${name} serving`);
        started();
      });
      worker.once('exit', (code: number | null, signal: string | null) => {
        this.serving.delete(worker);
        this.metrics.forget(worker.id);
        started();
        if (!this.stopping) this.replace(`${name} ${signal ? `was killed by ${signal}` : `exited with code ${code}`}`, served, code);
      });
    });
  }

  private replace(what: string, served: boolean, code: number | null): void {
    const stopBecause = this.guard.exited({ served });
    if (!stopBecause) {
      this.logger.warn(`${what}; starting another`);
      void this.fork();
      return;
    }
    // A worker that fails its start-up with code 1 has printed its one line saying why (see main.ts).
    if (served || code !== 1) process.stderr.write(`keyhouse: ${what}; ${stopBecause}: stopping\n`);
    void this.stop(undefined, 1);
  }

  private received(worker: Worker, message: unknown): void {
    if (!isFromWorker(message)) return;
    if (message.type === 'keyhouse:usage') recordUsage(this.usage, message);
    if (message.type === 'keyhouse:snapshot-answer') this.metrics.received(worker.id, message);
    if (message.type === 'keyhouse:scrape') {
      const { id } = message;
      const sources = [...this.serving].map((source) => ({ id: source.id, send: (request: PrimaryMessage) => send(source, request) }));
      this.metrics.gather(sources).then(
        (text) => send(worker, { type: 'keyhouse:scrape-answer', id, text }),
        (error: unknown) => send(worker, { type: 'keyhouse:scrape-answer', id, error: (error as Error).message }),
      );
    }
  }

  /**
   * SIGTERM or SIGINT: every worker drains as a single instance does, then the usage they handed
   * over is written and the database closed. Also the end of a crash loop, with exit code 1.
   */
  private stop(signal: NodeJS.Signals | undefined, exitCode: number): Promise<void> {
    this.stopping ??= this.drain(signal).then(
      () => process.exit(exitCode),
      (error: unknown) => {
        process.stderr.write(`keyhouse: stopping failed: ${(error as Error).message}\n`);
        process.exit(1);
      },
    );
    return this.stopping;
  }

  private async drain(signal: NodeJS.Signals | undefined): Promise<void> {
    if (signal) this.logger.log(`${signal}: draining ${this.running.size} workers`);
    // A worker that got the same SIGINT from the terminal already drains, and ignores this one.
    for (const worker of this.running.keys()) worker.process.kill('SIGTERM');
    const deadlineMs = this.config.server.shutdownDelaySeconds * 1000 + DRAIN_DEADLINE_MS;
    const deadline = setTimeout(() => {
      this.logger.error(`${this.running.size} workers still running after ${deadlineMs / 1000} seconds: killing them`);
      for (const worker of this.running.keys()) worker.process.kill('SIGKILL');
    }, deadlineMs);
    await Promise.all(this.running.values());
    clearTimeout(deadline);
    // Every channel has been read to its end: the workers' last usage events are in the batches.
    await this.usage.onModuleDestroy();
    await this.dataSource.destroy();
    this.logger.log('stopped');
  }
}

/** A worker that died a moment ago cannot be sent to; it is being replaced, and no answer is owed to it. */
function send(worker: Worker, message: PrimaryMessage): void {
  if (worker.isConnected()) worker.send(message, () => undefined);
}
