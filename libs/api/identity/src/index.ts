export * from './entities';
export * from './identity.module';
export * from './identity-options';
export { PasswordHasher } from './passwords/password-hasher';
export { FirstAdminSeeder, DEFAULT_ORGANIZATION, type SeededAdmin } from './seed/first-admin.seeder';
export { BackOfficeAuthGuard, SESSION_COOKIE } from './session/back-office-auth.guard';
export { CurrentPrincipal, RequirePermission } from './session/decorators';
export type { BackOfficePrincipal } from './session/principal';
