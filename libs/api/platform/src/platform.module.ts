import { Module, type DynamicModule } from '@nestjs/common';
import { CONSOLE_INDEX, readConsoleIndex } from './console/console-assets';
import { ConsoleController } from './console/console.controller';
import { HealthController } from './health/health.controller';

/** Health probes and the console's hosting. Needs a `DataSource` provider. */
@Module({})
export class PlatformModule {
  static forRoot({ consoleDistDir }: { consoleDistDir: string }): DynamicModule {
    return {
      module: PlatformModule,
      controllers: [HealthController, ConsoleController],
      providers: [{ provide: CONSOLE_INDEX, useFactory: () => readConsoleIndex(consoleDistDir) }],
    };
  }
}
