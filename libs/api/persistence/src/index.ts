export * from './database-url';
export * from './data-source';
export * from './open-database';
export * from './list-query';
export * from './errors';
export * from './native-query';
export * from './local-changes';
export * from './batch-delete';
export { migrationsFor } from './migrations';
