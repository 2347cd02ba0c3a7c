import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { ApplicationsModule } from '@keyhouse/api-applications';
import { AuditModule } from '@keyhouse/api-audit';
import { BackOfficeAuthGuard, IdentityModule } from '@keyhouse/api-identity';
import { KeysModule } from '@keyhouse/api-keys';
import { Metrics, MetricsModule } from '@keyhouse/api-metrics';
import { countOutboxBacklog, NotificationsModule } from '@keyhouse/api-notifications';
import { OAuthModule, TOKEN_REQUEST_OBSERVER, type TokenRequestObserver } from '@keyhouse/api-oauth';
import { ApiExceptionFilter, BodyValidationPipe, PlatformModule } from '@keyhouse/api-platform';
import { DataSource } from 'typeorm';
import { CleanupModule } from './cleanup/cleanup.module';
import type { WorkerChannel } from './cluster/worker-channel';
import type { AppConfig } from './config/app-config';

/** The opened, migrated data source, shared by every library's services. */
@Module({})
export class DatabaseModule {
  static forDataSource(dataSource: DataSource): DynamicModule {
    return { module: DatabaseModule, global: true, providers: [{ provide: DataSource, useValue: dataSource }], exports: [DataSource] };
  }
}

/** The protocol reports token requests through its own small interface; Prometheus counts them. */
@Global()
@Module({
  providers: [{ provide: TOKEN_REQUEST_OBSERVER, useFactory: (metrics: Metrics): TokenRequestObserver => metrics, inject: [Metrics] }],
  exports: [TOKEN_REQUEST_OBSERVER],
})
class TokenMetricsModule {}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, dataSource: DataSource, consoleDistDir: string, worker?: WorkerChannel): DynamicModule {
    return {
      module: AppModule,
      imports: [
        DatabaseModule.forDataSource(dataSource),
        PlatformModule.forRoot({ consoleDistDir }),
        IdentityModule.forRoot(config.identity),
        KeysModule.forRoot(config.keys),
        ApplicationsModule.forRoot(config.applications),
        OAuthModule.forRoot({ issuer: config.server.issuer, ...config.tokens }, worker?.usage),
        NotificationsModule.forRoot({ issuer: config.server.issuer, smtpUrl: config.mail.smtpUrl, from: config.mail.from }),
        MetricsModule.forRoot({
          bearerToken: config.metrics.bearerToken,
          outboxBacklog: () => countOutboxBacklog(dataSource),
          scrape: worker && (() => worker.scrapeMetrics()),
        }),
        TokenMetricsModule,
        AuditModule.forRoot(config.audit),
        CleanupModule.forRoot(config.cleanup),
      ],
      providers: [
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        { provide: APP_PIPE, useClass: BodyValidationPipe },
        // Deny by default: a route is back-office only unless marked @Public().
        { provide: APP_GUARD, useExisting: BackOfficeAuthGuard },
      ],
    };
  }
}
