import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ApplicationsModule } from '@keyhouse/api-applications';
import { BackOfficeAuthGuard, IdentityModule } from '@keyhouse/api-identity';
import { KeysModule } from '@keyhouse/api-keys';
import { NotificationsModule } from '@keyhouse/api-notifications';
import { OAuthModule } from '@keyhouse/api-oauth';
import { ApiExceptionFilter, PlatformModule } from '@keyhouse/api-platform';
import { DataSource } from 'typeorm';
import type { AppConfig } from './config/app-config';

/** The opened, migrated data source, shared by every library's services. */
@Module({})
class DatabaseModule {
  static forDataSource(dataSource: DataSource): DynamicModule {
    return { module: DatabaseModule, global: true, providers: [{ provide: DataSource, useValue: dataSource }], exports: [DataSource] };
  }
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, dataSource: DataSource, consoleDistDir: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        DatabaseModule.forDataSource(dataSource),
        PlatformModule.forRoot({ consoleDistDir }),
        IdentityModule.forRoot(config.identity),
        KeysModule.forRoot(config.keys),
        ApplicationsModule,
        OAuthModule.forRoot({ issuer: config.server.issuer, ...config.tokens }),
        NotificationsModule.forRoot({ issuer: config.server.issuer, smtpUrl: config.mail.smtpUrl, from: config.mail.from }),
      ],
      providers: [
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        // Deny by default: a route is back-office only unless marked @Public().
        { provide: APP_GUARD, useExisting: BackOfficeAuthGuard },
      ],
    };
  }
}
