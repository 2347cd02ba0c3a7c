import { Module, type DynamicModule } from '@nestjs/common';
import { OAuthCleanupModule } from '@keyhouse/api-oauth';
import { CleanupRunner } from './cleanup-runner';
import { CLEANUP_OPTIONS, CleanupScheduler, type CleanupOptions } from './cleanup-scheduler';

/** The expired-rows cleanup, run on a schedule (intervalSeconds > 0) and on demand. Needs the IdentityModule. */
@Module({})
export class CleanupModule {
  static forRoot(options: CleanupOptions): DynamicModule {
    return {
      module: CleanupModule,
      imports: [OAuthCleanupModule],
      providers: [{ provide: CLEANUP_OPTIONS, useValue: options }, CleanupRunner, CleanupScheduler],
      exports: [CleanupRunner],
    };
  }
}
