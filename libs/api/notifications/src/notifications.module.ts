import { Module, type DynamicModule } from '@nestjs/common';
import { ApplicationNotifications } from './application-notifications';
import { NOTIFICATION_OPTIONS, type NotificationOptions } from './notification-options';
import { OutboxWorker } from './outbox/outbox-worker';

/** Listens to features' events and delivers the resulting mail; no feature imports it. */
@Module({})
export class NotificationsModule {
  static forRoot(options: NotificationOptions): DynamicModule {
    return {
      module: NotificationsModule,
      providers: [{ provide: NOTIFICATION_OPTIONS, useValue: options }, ApplicationNotifications, OutboxWorker],
      exports: [OutboxWorker],
    };
  }
}
