import { Module } from '@nestjs/common';
import { OAuthApplicationsController } from './oauth-applications.controller';
import { OAuthApplicationsRepository } from './oauth-applications.repository';
import { OAuthApplicationsService } from './oauth-applications.service';

/** OAuth application management: CRUD, activation, secrets. Needs a `DataSource` provider. */
@Module({
  controllers: [OAuthApplicationsController],
  providers: [OAuthApplicationsRepository, OAuthApplicationsService],
})
export class ApplicationsModule {}
