import { Module, type DynamicModule } from '@nestjs/common';
import { CONSOLE_INDEX, readConsoleIndex } from './console/console-assets';
import { ConsoleController } from './console/console.controller';
import { DomainEvents } from './events/domain-events';
import { HealthController } from './health/health.controller';

/** Health probes, the console's hosting and the domain event bus. Needs a `DataSource` provider. */
@Module({})
export class PlatformModule {
  static forRoot({ consoleDistDir }: { consoleDistDir: string }): DynamicModule {
    return {
      module: PlatformModule,
      global: true,
      controllers: [HealthController, ConsoleController],
      providers: [{ provide: CONSOLE_INDEX, useFactory: () => readConsoleIndex(consoleDistDir) }, DomainEvents],
      exports: [DomainEvents],
    };
  }
}
