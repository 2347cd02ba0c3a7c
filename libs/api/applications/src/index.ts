export * from './entities';
export * from './applications.module';
export { secretMatchesDigest } from './secrets/credentials';
