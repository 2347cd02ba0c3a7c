export interface MetricsOptions {
  /** When set, a scrape must send `Authorization: Bearer <it>`; unset, /metrics is open. */
  bearerToken?: string;
  /** Unsent outbox mail by status, read at scrape time. */
  outboxBacklog?: () => Promise<Record<string, number>>;
  /**
   * Where a scrape's text comes from when this process is not the whole instance: a node:cluster
   * worker asks its primary, which adds up every worker's snapshot. Unset: this process's metrics.
   */
  scrape?: () => Promise<string>;
}

export const METRICS_OPTIONS = Symbol('METRICS_OPTIONS');
