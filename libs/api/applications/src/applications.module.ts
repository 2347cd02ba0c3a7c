import { Module, type DynamicModule } from '@nestjs/common';
import { ApplicationAccess } from './access/application-access';
import { APPLICATIONS_OPTIONS, type ApplicationsOptions } from './applications-options';
import { DormantApplicationWatcher } from './dormancy/dormant-application-watcher';
import { DormantApplicationsRepository } from './dormancy/dormant-applications.repository';
import { Dormancy } from './dormancy/dormancy';
import { DormancyController } from './dormancy/dormancy.controller';
import { OAuthApplicationsController } from './oauth-applications.controller';
import { OAuthApplicationsRepository } from './oauth-applications.repository';
import { OAuthApplicationsService } from './oauth-applications.service';
import { ClientAuthThrottleRepository } from './policy/client-auth-throttle.repository';
import { ClientSecretsController } from './secrets/client-secrets.controller';
import { ClientSecretsRepository } from './secrets/client-secrets.repository';
import { ClientSecretsService } from './secrets/client-secrets.service';
import { SecretExpiryWatcher } from './secrets/secret-expiry-watcher';
import { ApplicationSummaryController } from './summary/application-summary.controller';
import { ApplicationSummaryRepository } from './summary/application-summary.repository';
import { ApplicationSummaryService } from './summary/application-summary.service';
import { ApplicationUsageController } from './usage/application-usage.controller';
import { ApplicationUsageRepository } from './usage/application-usage.repository';
import { ApplicationUsageService } from './usage/application-usage.service';

/** OAuth application management: CRUD, activation, secrets and their rotation. Needs a `DataSource` provider. */
@Module({})
export class ApplicationsModule {
  static forRoot(options: ApplicationsOptions): DynamicModule {
    return {
      module: ApplicationsModule,
      controllers: [ApplicationSummaryController, OAuthApplicationsController, ClientSecretsController, ApplicationUsageController, DormancyController],
      providers: [
        { provide: APPLICATIONS_OPTIONS, useValue: options },
        ApplicationAccess,
        OAuthApplicationsRepository,
        OAuthApplicationsService,
        ClientAuthThrottleRepository,
        ClientSecretsRepository,
        ClientSecretsService,
        SecretExpiryWatcher,
        ApplicationUsageRepository,
        ApplicationUsageService,
        ApplicationSummaryRepository,
        ApplicationSummaryService,
        Dormancy,
        DormantApplicationsRepository,
        DormantApplicationWatcher,
      ],
      exports: [SecretExpiryWatcher, OAuthApplicationsService, DormantApplicationWatcher],
    };
  }
}
