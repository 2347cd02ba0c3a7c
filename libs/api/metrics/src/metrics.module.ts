import { Module, type DynamicModule } from '@nestjs/common';
import { MetricsController } from './metrics.controller';
import { Metrics } from './metrics';
import { METRICS_OPTIONS, type MetricsOptions } from './metrics-options';

/** Prometheus metrics at GET /metrics. Global: what is counted elsewhere reaches `Metrics` through the application's wiring. */
@Module({})
export class MetricsModule {
  static forRoot(options: MetricsOptions): DynamicModule {
    return {
      module: MetricsModule,
      global: true,
      controllers: [MetricsController],
      providers: [{ provide: METRICS_OPTIONS, useValue: options }, Metrics],
      exports: [Metrics],
    };
  }
}
