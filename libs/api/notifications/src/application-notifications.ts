import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { APPLICATION_EVENTS, GRANT_LABELS, type ApplicationEvent } from '@keyhouse/shared-contracts';
import { DomainEvents } from '@keyhouse/api-platform';
import type { EntityManager } from 'typeorm';
import type { NotificationRule } from './entities';
import { NOTIFICATION_OPTIONS, type NotificationOptions } from './notification-options';
import { OutboxRepository, type QueuedEmail } from './outbox/outbox.repository';
import { PeopleRepository, type Person } from './people.repository';
import { NotificationRulesRepository } from './rules/notification-rules.repository';
import { EmailTemplatesRepository } from './templates/email-templates.repository';
import { chooseTemplate, FALLBACK_LOCALE } from './templates/template-choice';
import { renderTemplate, type TemplateValues } from './templates/template-renderer';

/**
 * Turns application events into outbox rows, in the transaction of the change: deciding who is
 * told (the rule in force in the application's organization) and what they read (the template
 * chooseTemplate picks), then rendering; sending is the outbox worker's.
 */
@Injectable()
export class ApplicationNotifications implements OnModuleInit {
  private readonly logger = new Logger('Notifications');

  constructor(
    private readonly events: DomainEvents,
    private readonly rules: NotificationRulesRepository,
    private readonly templates: EmailTemplatesRepository,
    private readonly outbox: OutboxRepository,
    private readonly people: PeopleRepository,
    @Inject(NOTIFICATION_OPTIONS) private readonly options: NotificationOptions,
  ) {}

  onModuleInit(): void {
    this.events.subscribe<ApplicationEvent>(APPLICATION_EVENTS, (event, db) => this.queue(event, db));
  }

  async queue(event: ApplicationEvent, db: EntityManager): Promise<void> {
    const { application } = event;
    // The organization's own settings where it has them: another organization's never apply.
    const rule = await this.rules.inForce(db, event.type, application.organizationId);
    if (!rule?.enabled) return;
    const owner = application.ownerId === null ? undefined : await this.people.owner(db, application.frontend, application.ownerId);
    const recipients = await this.recipients(db, rule, event, owner);
    if (recipients.length === 0) return;

    const audience = application.frontend ? 'storefront' : 'back_office';
    const templates = await this.templates.candidates(db, event.type, audience, application.organizationId);
    const values = await this.values(db, event, owner);
    const emails = recipients.flatMap((recipient): QueuedEmail[] => {
      const template = chooseTemplate(templates, recipient.locale);
      if (!template) {
        this.logger.warn(`no ${FALLBACK_LOCALE} template for ${event.type} (${audience}); nothing queued for ${recipient.email}`);
        return [];
      }
      return [
        {
          event: event.type,
          organizationId: application.organizationId,
          recipient: recipient.email,
          subject: renderTemplate(template.subject, values, { html: false }),
          html: renderTemplate(template.body, values, { html: true }),
        },
      ];
    });
    if (emails.length) await this.outbox.queue(db, emails);
  }

  private async recipients(db: EntityManager, rule: NotificationRule, event: ApplicationEvent, owner: Person | undefined): Promise<Person[]> {
    const told: Person[] = [];
    if (rule.notifyOwner && owner) told.push(owner);
    if (rule.notifyOrganizationAdmins) told.push(...(await this.people.organizationAdmins(db, event.application.organizationId)));
    told.push(...rule.extraRecipients.map((email) => ({ email, name: email, locale: FALLBACK_LOCALE })));
    const seen = new Set<string>();
    return told.filter((person) => !seen.has(person.email.toLowerCase()) && seen.add(person.email.toLowerCase()));
  }

  private async values(db: EntityManager, event: ApplicationEvent, owner: Person | undefined): Promise<TemplateValues> {
    const { application } = event;
    const organizationName = await this.people.organizationName(db, application.organizationId);
    return {
      applicationName: application.name,
      clientId: application.clientId,
      organizationName: organizationName ?? '',
      ownerName: owner?.name ?? '',
      grants: application.grants.map((grant) => GRANT_LABELS[grant]).join(', '),
      applicationUrl: `${this.options.issuer}/admin/oauth-applications/${application.id}/show`,
      time: new Date(event.at).toUTCString(),
      secretExpiresAt: event.secret ? when(event.secret.expiresAt) : '',
      previousSecretsExpireAt: event.secret?.previousExpiresAt ? when(event.secret.previousExpiresAt) : '',
      lastUsedAt: event.dormancy ? (event.dormancy.lastUsedAt === null ? 'never' : new Date(event.dormancy.lastUsedAt).toUTCString()) : '',
      deactivatesAt: event.dormancy ? new Date(event.dormancy.deactivatesAt).toUTCString() : '',
    };
  }
}

/** A secret's expiry as mail says it; a secret without one works until it is revoked. */
function when(expiresAt: string | null): string {
  return expiresAt === null ? 'never' : new Date(expiresAt).toUTCString();
}
