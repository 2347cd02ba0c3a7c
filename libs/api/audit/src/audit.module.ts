import { Module, type DynamicModule } from '@nestjs/common';
import { AuditEventsController } from './audit-events.controller';
import { AuditEventsRepository } from './audit-events.repository';
import { AuditRetention } from './audit-retention';
import { AUDIT_OPTIONS, type AuditOptions } from './audit-options';
import { AuditWriter } from './audit-writer';

/** Stores the audit trail and serves it read-only; attaches itself to the platform's AuditTrail. */
@Module({})
export class AuditModule {
  static forRoot(options: AuditOptions): DynamicModule {
    return {
      module: AuditModule,
      // Global so the cleanup can run the retention, wherever it is composed (server, command line).
      global: true,
      controllers: [AuditEventsController],
      providers: [{ provide: AUDIT_OPTIONS, useValue: options }, AuditWriter, AuditEventsRepository, AuditRetention],
      exports: [AuditRetention],
    };
  }
}
