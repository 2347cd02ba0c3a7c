import { Module, type DynamicModule } from '@nestjs/common';
import { ApplicationNotifications } from './application-notifications';
import { NOTIFICATION_OPTIONS, type NotificationOptions } from './notification-options';
import { EmailsController } from './outbox/emails.controller';
import { EmailsService } from './outbox/emails.service';
import { OutboxRepository } from './outbox/outbox.repository';
import { OutboxWorker } from './outbox/outbox-worker';
import { PeopleRepository } from './people.repository';
import { NotificationRulesController } from './rules/notification-rules.controller';
import { NotificationRulesRepository } from './rules/notification-rules.repository';
import { NotificationRulesService } from './rules/notification-rules.service';
import { NotificationSettingsRepository } from './settings/notification-settings.repository';
import { EmailTemplatesController } from './templates/email-templates.controller';
import { EmailTemplatesRepository } from './templates/email-templates.repository';
import { EmailTemplatesService } from './templates/email-templates.service';

/** Listens to features' events and delivers the resulting mail; no feature imports it. */
@Module({})
export class NotificationsModule {
  static forRoot(options: NotificationOptions): DynamicModule {
    return {
      module: NotificationsModule,
      controllers: [EmailsController, EmailTemplatesController, NotificationRulesController],
      providers: [
        { provide: NOTIFICATION_OPTIONS, useValue: options },
        NotificationSettingsRepository,
        NotificationRulesRepository,
        NotificationRulesService,
        EmailTemplatesRepository,
        EmailTemplatesService,
        OutboxRepository,
        EmailsService,
        PeopleRepository,
        ApplicationNotifications,
        OutboxWorker,
      ],
      exports: [OutboxWorker],
    };
  }
}
