import { Module, type DynamicModule } from '@nestjs/common';
import { IdentityCleanup } from './cleanup/identity-cleanup';
import { CustomerUsersController } from './customer-users/customer-users.controller';
import { CustomerUsersService } from './customer-users/customer-users.service';
import { IDENTITY_OPTIONS, type IdentityOptions } from './identity-options';
import { OrganizationsController } from './organizations/organizations.controller';
import { OrganizationsService } from './organizations/organizations.service';
import { PasswordHasher } from './passwords/password-hasher';
import { FirstAdminSeeder } from './seed/first-admin.seeder';
import { BackOfficeAuthGuard } from './session/back-office-auth.guard';
import { MeController } from './session/me.controller';
import { SessionController } from './session/session.controller';
import { SessionService } from './session/session.service';
import { SignInThrottle } from './session/sign-in-throttle';
import { StorefrontSessionService } from './session/storefront-session.service';
import { UsersController } from './users/users.controller';
import { UserAccountsService } from './users/user-accounts.service';
import { UsersService } from './users/users.service';

/** Organizations, back-office users, customer users and the console session. Needs a `DataSource` provider. */
@Module({})
export class IdentityModule {
  static forRoot(options: IdentityOptions): DynamicModule {
    return {
      module: IdentityModule,
      // Sign-in throttling and password hashing serve the OAuth grants too.
      global: true,
      controllers: [SessionController, MeController, UsersController, OrganizationsController, CustomerUsersController],
      providers: [
        { provide: IDENTITY_OPTIONS, useValue: options },
        { provide: PasswordHasher, useValue: new PasswordHasher() },
        SignInThrottle,
        SessionService,
        StorefrontSessionService,
        BackOfficeAuthGuard,
        FirstAdminSeeder,
        UsersService,
        OrganizationsService,
        CustomerUsersService,
        UserAccountsService,
        IdentityCleanup,
      ],
      exports: [BackOfficeAuthGuard, FirstAdminSeeder, PasswordHasher, SignInThrottle, SessionService, StorefrontSessionService, IDENTITY_OPTIONS, UserAccountsService, IdentityCleanup],
    };
  }
}
