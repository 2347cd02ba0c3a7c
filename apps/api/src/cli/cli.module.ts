import { Module, type DynamicModule } from '@nestjs/common';
import { ApplicationsModule } from '@keyhouse/api-applications';
import { AuditModule } from '@keyhouse/api-audit';
import { IdentityModule } from '@keyhouse/api-identity';
import { NotificationsModule } from '@keyhouse/api-notifications';
import { PlatformModule } from '@keyhouse/api-platform';
import type { DataSource } from 'typeorm';
import { CONSOLE_DIST_DIR } from '../app';
import { DatabaseModule } from '../app.module';
import { CleanupModule } from '../cleanup/cleanup.module';
import type { AppConfig } from '../config/app-config';

/**
 * The services the commands use, without HTTP, signing keys (a command must never create or
 * need them) or background work: no scheduled cleanup, and no mail delivery (mail is queued in
 * the outbox with the change, as always, and the API instances send it).
 */
@Module({})
export class CliModule {
  static forRoot(config: AppConfig, dataSource: DataSource): DynamicModule {
    return {
      module: CliModule,
      imports: [
        DatabaseModule.forDataSource(dataSource),
        PlatformModule.forRoot({ consoleDistDir: CONSOLE_DIST_DIR }),
        IdentityModule.forRoot(config.identity),
        ApplicationsModule.forRoot({ ...config.applications, scheduledChecks: false }),
        NotificationsModule.forRoot({ issuer: config.server.issuer, from: config.mail.from }),
        // Changes made at the command line are audited like the console's.
        AuditModule.forRoot(config.audit),
        CleanupModule.forRoot({ intervalSeconds: 0 }),
      ],
    };
  }
}
