import { Module, type DynamicModule } from '@nestjs/common';
import { IdentityCleanup } from './cleanup/identity-cleanup';
import { CustomerUsersController } from './customer-users/customer-users.controller';
import { CustomerUsersService } from './customer-users/customer-users.service';
import { IDENTITY_OPTIONS, type IdentityOptions } from './identity-options';
import { OrganizationsController } from './organizations/organizations.controller';
import { OrganizationsService } from './organizations/organizations.service';
import { PasswordHasher } from './passwords/password-hasher';
import { RolesController } from './roles/roles.controller';
import { RolesService } from './roles/roles.service';
import { FirstAdminSeeder } from './seed/first-admin.seeder';
import { BackOfficeAuthGuard } from './session/back-office-auth.guard';
import { BackOfficeBearerStrategy } from './session/back-office-bearer.strategy';
import { ConsoleSessionStrategy } from './session/console-session.strategy';
import { MeController } from './session/me.controller';
import { SessionController } from './session/session.controller';
import { SessionService } from './session/session.service';
import { SignInAccounts } from './session/sign-in-accounts';
import { SignInPipeline } from './session/sign-in-pipeline';
import { SignInThrottle } from './session/sign-in-throttle';
import { StorefrontSessionService } from './session/storefront-session.service';
import { SingleSignOnController } from './sso/single-sign-on.controller';
import { SingleSignOn } from './sso/single-sign-on.service';
import { SsoStateStore } from './sso/sso-state-store';
import { SSO_OPTIONS, SsoStrategy } from './sso/sso.strategy';
import { UsersController } from './users/users.controller';
import { UserAccountsService } from './users/user-accounts.service';
import { UserReaches } from './access/user-reaches';
import { UsersService } from './users/users.service';

/** Organizations, back-office users, customer users and the console session. Needs a `DataSource` provider. */
@Module({})
export class IdentityModule {
  static forRoot(options: IdentityOptions): DynamicModule {
    return {
      module: IdentityModule,
      // Sign-in throttling and password hashing serve the OAuth grants too.
      global: true,
      controllers: [SessionController, SingleSignOnController, MeController, UsersController, OrganizationsController, CustomerUsersController, RolesController],
      providers: [
        { provide: IDENTITY_OPTIONS, useValue: options },
        { provide: PasswordHasher, useValue: new PasswordHasher() },
        SignInThrottle,
        SignInAccounts,
        SignInPipeline,
        SessionService,
        SsoStateStore,
        SingleSignOn,
        // The provider's strategy exists only when it is configured; SingleSignOn answers 404 without it.
        ...(options.sso ? [{ provide: SSO_OPTIONS, useValue: options.sso }, SsoStrategy] : []),
        StorefrontSessionService,
        ConsoleSessionStrategy,
        BackOfficeBearerStrategy,
        BackOfficeAuthGuard,
        FirstAdminSeeder,
        UsersService,
        OrganizationsService,
        CustomerUsersService,
        UserAccountsService,
        RolesService,
        UserReaches,
        IdentityCleanup,
      ],
      exports: [BackOfficeAuthGuard, FirstAdminSeeder, PasswordHasher, SignInThrottle, SignInAccounts, SignInPipeline, SessionService, StorefrontSessionService, IDENTITY_OPTIONS, UserAccountsService, IdentityCleanup, UserReaches],
    };
  }
}
