export * from './public.decorator';
export * from './errors/api-exception.filter';
export * from './errors/retry-later.exception';
export * from './platform.module';
export { serveConsoleAssets } from './console/console-assets';
export * from './errors/validation-failed.exception';
export { registerBodyParsers } from './body-parsers';
export * from './events/domain-events';
export * from './require-permission.decorator';
