import { Module, type DynamicModule } from '@nestjs/common';
import { AuditTrail } from './audit/audit-trail';
import { CONSOLE_INDEX, readConsoleIndex } from './console/console-assets';
import { ConsoleController } from './console/console.controller';
import { DomainEvents } from './events/domain-events';
import { Draining } from './health/draining';
import { HealthController } from './health/health.controller';

/** Health probes (and the draining state they report), the console's hosting, the domain event bus and the audit trail. Needs a `DataSource` provider. */
@Module({})
export class PlatformModule {
  static forRoot({ consoleDistDir }: { consoleDistDir: string }): DynamicModule {
    return {
      module: PlatformModule,
      global: true,
      controllers: [HealthController, ConsoleController],
      providers: [{ provide: CONSOLE_INDEX, useFactory: () => readConsoleIndex(consoleDistDir) }, DomainEvents, AuditTrail, Draining],
      exports: [DomainEvents, AuditTrail, Draining],
    };
  }
}
