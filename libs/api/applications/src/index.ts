export * from './entities';
export * from './applications.module';
export { OAuthApplicationsService } from './oauth-applications.service';
export { digestSecret, secretMatchesDigest } from './secrets/credentials';
