import { AggregatorRegistry, type Registry } from 'prom-client';
import { TokenRequestStats, type TokenRequestSnapshot } from './token-request-stats';

/** One process's metrics as plain data (it crosses node:cluster's IPC channel as JSON). */
export interface MetricsSnapshot {
  /** What prom-client's `getMetricsAsJSON` gives: each metric with its values and its `aggregator`. */
  registry: Awaited<ReturnType<Registry['getMetricsAsJSON']>>;
  tokenRequests: TokenRequestSnapshot;
}

/**
 * Several processes' metrics as one: prom-client's own cluster aggregation for its metrics (each
 * says how: counters and most gauges add up, the version is the first process's, event loop lag
 * is averaged, a start time is left out), and the token requests added up.
 */
export async function renderSnapshots(snapshots: MetricsSnapshot[]): Promise<string> {
  const registry = AggregatorRegistry.aggregate(snapshots.map((snapshot) => snapshot.registry));
  const tokenRequests = new TokenRequestStats();
  for (const snapshot of snapshots) tokenRequests.add(snapshot.tokenRequests);
  return `${await registry.metrics()}\n${tokenRequests.render()}`;
}
