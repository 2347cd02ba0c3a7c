export interface MetricsOptions {
  /** When set, a scrape must send `Authorization: Bearer <it>`; unset, /metrics is open. */
  bearerToken?: string;
  /** Unsent outbox mail by status, read at scrape time. */
  outboxBacklog?: () => Promise<Record<string, number>>;
}

export const METRICS_OPTIONS = Symbol('METRICS_OPTIONS');
