export { Metrics } from './metrics';
export { MetricsModule } from './metrics.module';
export type { MetricsOptions } from './metrics-options';
export { renderSnapshots, type MetricsSnapshot } from './metrics-snapshot';
