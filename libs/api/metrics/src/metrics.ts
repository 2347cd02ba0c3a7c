import { Inject, Injectable, Logger } from '@nestjs/common';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import { METRICS_OPTIONS, type MetricsOptions } from './metrics-options';
import type { MetricsSnapshot } from './metrics-snapshot';
import { TokenRequestStats } from './token-request-stats';

/**
 * Keyhouse's Prometheus metrics: the process's own (prom-client's defaults), the outbox backlog
 * read at scrape time, and the token requests counted in memory as they happen. The registry is
 * this instance's (not prom-client's global one), so each application counts for itself.
 */
@Injectable()
export class Metrics {
  private readonly logger = new Logger('Metrics');
  private readonly registry = new Registry();
  private readonly tokenRequests = new TokenRequestStats();

  constructor(@Inject(METRICS_OPTIONS) private readonly options: MetricsOptions) {
    collectDefaultMetrics({ register: this.registry });
    if (options.outboxBacklog) this.registerOutboxBacklog(options.outboxBacklog);
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** Every metric in the Prometheus text exposition format 0.0.4: this process's, or what `options.scrape` gathers. */
  async render(): Promise<string> {
    if (this.options.scrape) return this.options.scrape();
    return `${await this.registry.metrics()}\n${this.tokenRequests.render()}`;
  }

  /** This process's metrics, to be added to other processes' (see renderSnapshots). */
  async snapshot(): Promise<MetricsSnapshot> {
    return { registry: await this.registry.getMetricsAsJSON(), tokenRequests: this.tokenRequests.snapshot() };
  }

  /** On the token endpoint's path: memory only. */
  tokenRequest(grant: string, outcome: string, seconds: number): void {
    this.tokenRequests.record(grant, outcome, seconds);
  }

  private registerOutboxBacklog(read: () => Promise<Record<string, number>>): void {
    const logger = this.logger;
    new Gauge({
      name: 'keyhouse_outbox_backlog',
      help: 'Outbox mail not sent yet, by status (pending: still being tried; failed: gave up, waiting for a resend).',
      labelNames: ['status'] as const,
      registers: [this.registry],
      // Every node:cluster worker reads the same table: their sum would count each mail once per worker.
      aggregator: 'max',
      async collect() {
        this.reset();
        try {
          for (const [status, count] of Object.entries(await read())) this.set({ status }, count);
        } catch (error) {
          // The scrape still answers: an unreachable database is /health/ready's to report.
          logger.warn(`could not read the outbox backlog: ${(error as Error).message}`);
        }
      },
    });
  }
}
