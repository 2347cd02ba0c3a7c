import { Module, type DynamicModule } from '@nestjs/common';
import { EmailTemplatesController } from './admin/email-templates.controller';
import { EmailsController } from './admin/emails.controller';
import { NotificationRulesController } from './admin/notification-rules.controller';
import { ApplicationNotifications } from './application-notifications';
import { NOTIFICATION_OPTIONS, type NotificationOptions } from './notification-options';
import { OutboxWorker } from './outbox/outbox-worker';

/** Listens to features' events and delivers the resulting mail; no feature imports it. */
@Module({})
export class NotificationsModule {
  static forRoot(options: NotificationOptions): DynamicModule {
    return {
      module: NotificationsModule,
      controllers: [EmailsController, EmailTemplatesController, NotificationRulesController],
      providers: [{ provide: NOTIFICATION_OPTIONS, useValue: options }, ApplicationNotifications, OutboxWorker],
      exports: [OutboxWorker],
    };
  }
}
