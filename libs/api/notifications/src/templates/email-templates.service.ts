import { ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { EmailTemplateDto, TemplatePreviewDto } from '@keyhouse/shared-contracts';
import { isDuplicateKeyError, type ListParams, type Page } from '@keyhouse/api-persistence';
import { AuditTrail, changedFields, ValidationFailedException, type BackOfficeCaller } from '@keyhouse/api-platform';
import { DataSource } from 'typeorm';
import { toTemplateDto } from '../dto';
import type { EmailTemplate } from '../entities';
import { NOTIFICATION_OPTIONS, type NotificationOptions } from '../notification-options';
import { NotificationSettingsRepository } from '../settings/notification-settings.repository';
import { assertMayChange, assertValidEdit } from '../settings/setting-scope';
import { EmailTemplatesRepository } from './email-templates.repository';
import { sampleValues } from './sample-values';
import { FALLBACK_LOCALE } from './template-choice';
import { NOT_SAVED, type EmailTemplateInputBody, type EmailTemplateTextBody } from './template-bodies';
import { renderTemplate } from './template-renderer';

const target = (template: Pick<EmailTemplate, 'id' | 'event' | 'audience' | 'locale'>) => ({
  type: 'email_template',
  id: template.id,
  name: `${template.event} (${template.audience}, ${template.locale})`,
});

const duplicate = ({ locale, organizationId }: Pick<EmailTemplate, 'locale' | 'organizationId'>) =>
  new ValidationFailedException(
    {
      locale:
        organizationId === null
          ? `This event already has a ${locale} template for this recipient.`
          : `This organization has its own ${locale} template of this event for this recipient already: edit that one.`,
    },
    NOT_SAVED,
  );

/**
 * Email templates. The platform's (English for every event and audience, and whatever languages
 * operators add) are changed only by platform operators; an organization's administrators may
 * write their own, in any language, for mail about their organization's applications, and delete
 * them to go back to the platform's text. See chooseTemplate for which one a recipient reads.
 */
@Injectable()
export class EmailTemplatesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly templates: EmailTemplatesRepository,
    private readonly settings: NotificationSettingsRepository,
    private readonly audit: AuditTrail,
    @Inject(NOTIFICATION_OPTIONS) private readonly options: NotificationOptions,
  ) {}

  /** The platform's templates, and those of the organizations where the caller may view notifications. */
  async list(caller: BackOfficeCaller, params: ListParams): Promise<Page<EmailTemplateDto>> {
    const page = await this.templates.list(caller.reach, caller.reach.organizationsWith('notifications.view'), params);
    return { ...page, items: page.items.map(toTemplateDto) };
  }

  async get(caller: BackOfficeCaller, id: number): Promise<EmailTemplateDto> {
    return toTemplateDto(await this.find(caller, id));
  }

  /** A platform template in another language (operators), or an organization's own template. */
  async create(caller: BackOfficeCaller, input: EmailTemplateInputBody): Promise<EmailTemplateDto> {
    const { event, audience, locale, subject, body: html } = input;
    const organizationId = input.organizationId ?? null;
    const identity = { event, audience, locale, organizationId };
    assertMayChange(caller.reach, organizationId);
    try {
      const id = await this.dataSource.transaction(async (db) => {
        if (!(await this.settings.lockEvent(db, event))) throw new ValidationFailedException({ event: 'This event sends no email.' }, NOT_SAVED);
        if (organizationId !== null && !(await this.settings.organizationExists(db, organizationId))) {
          throw new ValidationFailedException({ organizationId: 'There is no such organization.' }, NOT_SAVED);
        }
        if (await this.templates.exists(db, identity)) throw duplicate(identity);
        const created = await this.templates.insert(db, { ...identity, subject, body: html });
        await this.audit.record(
          { action: 'email_template.created', actorUserId: caller.userId, target: target({ id: created, ...identity }), organizationId, after: { ...identity, subject, body: html } },
          db,
        );
        return created;
      });
      return await this.get(caller, id);
    } catch (error) {
      // The lock makes the second of two creations find the first; the unique index stays the last word for overrides.
      if (isDuplicateKeyError(error)) throw duplicate(identity);
      throw error;
    }
  }

  /** The text is all that changes; event, audience, locale and organization identify the template. */
  async update(caller: BackOfficeCaller, id: number, changes: EmailTemplateTextBody): Promise<EmailTemplateDto> {
    const template = await this.find(caller, id);
    assertMayChange(caller.reach, template.organizationId);
    assertValidEdit(changes, template, NOT_SAVED);
    const text = { subject: changes.subject, body: changes.body };
    await this.dataSource.transaction(async (db) => {
      await this.templates.update(db, id, text);
      await this.audit.record(
        { action: 'email_template.updated', actorUserId: caller.userId, target: target(template), organizationId: template.organizationId, ...changedFields({ ...template }, text) },
        db,
      );
    });
    return this.get(caller, id);
  }

  /**
   * Deletes an organization's template (its mail is written from the platform's again), or a
   * platform template in a language other than English (operators): English is what every
   * recipient without a template of their own reads, so it stays.
   */
  async delete(caller: BackOfficeCaller, id: number): Promise<EmailTemplateDto> {
    const template = await this.find(caller, id);
    const { event, audience, locale, organizationId, subject, body } = template;
    if (organizationId === null && locale === FALLBACK_LOCALE) {
      throw new ForbiddenException({ message: `The platform's ${FALLBACK_LOCALE} template of ${event} cannot be deleted: it is what every recipient without a template in their language reads.` });
    }
    assertMayChange(caller.reach, organizationId);
    await this.dataSource.transaction(async (db) => {
      await this.templates.delete(db, id);
      await this.audit.record(
        { action: 'email_template.deleted', actorUserId: caller.userId, target: target(template), organizationId, before: { event, audience, locale, organizationId, subject, body } },
        db,
      );
    });
    return toTemplateDto(template);
  }

  /** Renders unsaved text with sample values: the console's live preview. */
  preview(text: EmailTemplateTextBody): TemplatePreviewDto {
    assertValidEdit(text, null, NOT_SAVED);
    const { subject, body: html } = text;
    const values = sampleValues(this.options.issuer);
    return { subject: renderTemplate(subject, values, { html: false }), html: renderTemplate(html, values, { html: true }) };
  }

  /** Other organizations' templates do not exist for the caller. */
  private async find(caller: BackOfficeCaller, id: number): Promise<EmailTemplate> {
    const template = await this.templates.findVisible(caller.reach.organizationsWith('notifications.view'), id);
    if (!template) throw new NotFoundException({ message: `Email template ${id} not found.` });
    return template;
  }
}
