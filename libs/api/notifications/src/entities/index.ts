import { EmailTemplate } from './email-template.entity';
import { NotificationRule } from './notification-rule.entity';
import { OutboxEmail } from './outbox-email.entity';

export { EmailTemplate, NotificationRule, OutboxEmail };
export type { OutboxStatus } from './outbox-email.entity';

export const notificationEntities = [EmailTemplate, NotificationRule, OutboxEmail];
