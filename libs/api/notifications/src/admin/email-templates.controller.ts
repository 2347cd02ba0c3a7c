import { Body, Controller, Get, HttpCode, Inject, NotFoundException, Param, ParseIntPipe, Post, Put, Query, Res } from '@nestjs/common';
import { APPLICATION_EVENTS, type ApplicationEventType, type EmailTemplateDto, type TemplatePreviewDto } from '@keyhouse/shared-contracts';
import { containsFilter, findPage, idFilter, pageHeaders, type ListParams, type ListSpec } from '@keyhouse/api-persistence';
import { AuditTrail, Caller, changedFields, fieldsOf, RequirePermission, unknownFieldErrors, ValidationFailedException, type BackOfficeCaller } from '@keyhouse/api-platform';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { EmailTemplate, type TemplateAudience } from '../entities';
import { NOTIFICATION_OPTIONS, type NotificationOptions } from '../notification-options';
import { renderTemplate, templateProblems, type TemplateValues } from '../templates/template-renderer';
import { toTemplateDto } from './dto';

const TEMPLATE_LIST: ListSpec<EmailTemplate> = {
  resource: 'email-templates',
  sortable: { id: 'id', event: { columns: ['event'] }, locale: { columns: ['locale'] } },
  defaultSort: ['event', 'ASC'],
  filters: { id: idFilter('id'), event: containsFilter('event'), q: containsFilter('event', 'subject') },
};

const templateTarget = (template: EmailTemplate) => ({ type: 'email_template', id: template.id, name: `${template.event} (${template.audience}, ${template.locale})` });

/**
 * Email templates, editable in the console. A template that would fail or reference an unknown
 * variable is refused when saved, with the problem at its field, never at send time.
 */
@Controller('admin/api/email-templates')
@RequirePermission('notifications.view')
export class EmailTemplatesController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
    @Inject(NOTIFICATION_OPTIONS) private readonly options: NotificationOptions,
  ) {}

  @Get()
  async list(@Query() params: ListParams, @Res({ passthrough: true }) reply: FastifyReply): Promise<EmailTemplateDto[]> {
    const page = await findPage(this.dataSource.getRepository(EmailTemplate).createQueryBuilder('template'), params, TEMPLATE_LIST);
    reply.headers(pageHeaders(page));
    return page.items.map(toTemplateDto);
  }

  @Get(':id')
  async get(@Param('id', ParseIntPipe) id: number): Promise<EmailTemplateDto> {
    return toTemplateDto(await this.find(id));
  }

  @Put(':id')
  @RequirePermission('notifications.edit')
  async update(@Caller() caller: BackOfficeCaller, @Param('id', ParseIntPipe) id: number, @Body() body: unknown): Promise<EmailTemplateDto> {
    const current = await this.find(id);
    const { subject, body: html } = readTemplate(body);
    await this.dataSource.transaction(async (db) => {
      await db.getRepository(EmailTemplate).update({ id }, { subject, body: html });
      await this.audit.record(
        { action: 'email_template.updated', actorUserId: caller.userId, target: templateTarget(current), organizationId: null, ...changedFields({ ...current }, { subject, body: html }) },
        db,
      );
    });
    return toTemplateDto(await this.find(id));
  }

  /** Adds the template of an event and audience in another language. */
  @Post()
  @RequirePermission('notifications.edit')
  async create(@Caller() caller: BackOfficeCaller, @Body() body: unknown): Promise<EmailTemplateDto> {
    const { event, audience, locale } = readIdentity(body);
    const { subject, body: html } = readTemplate(body);
    const templates = this.dataSource.getRepository(EmailTemplate);
    if (await templates.existsBy({ event, audience, locale })) {
      throw new ValidationFailedException({ locale: `This event already has a ${locale} template for this recipient.` });
    }
    const id = await this.dataSource.transaction(async (db) => {
      const created = await db.getRepository(EmailTemplate).save(templates.create({ event, audience, locale, subject, body: html }));
      await this.audit.record(
        { action: 'email_template.created', actorUserId: caller.userId, target: templateTarget(created), organizationId: null, after: { event, audience, locale, subject, body: html } },
        db,
      );
      return created.id;
    });
    return toTemplateDto(await this.find(id));
  }

  /** Renders unsaved text with sample values: the console's live preview. */
  @Post('preview')
  @HttpCode(200)
  preview(@Body() body: unknown): TemplatePreviewDto {
    const { subject, body: html } = readTemplate(body);
    const values = sampleValues(this.options.issuer);
    return { subject: renderTemplate(subject, values, { html: false }), html: renderTemplate(html, values, { html: true }) };
  }

  private async find(id: number): Promise<EmailTemplate> {
    const template = await this.dataSource.getRepository(EmailTemplate).findOneBy({ id });
    if (!template) throw new NotFoundException({ message: `Email template ${id} not found.` });
    return template;
  }
}

const LOCALE = /^[a-z]{2}(-[A-Z]{2})?$/;

/** What a new template is for: a known event and audience, and a language tag such as `de` or `pt-BR`. */
function readIdentity(raw: unknown): Pick<EmailTemplate, 'event' | 'audience' | 'locale'> {
  const input = fieldsOf(raw);
  const errors: Record<string, string> = {};
  if (!APPLICATION_EVENTS.includes(input['event'] as ApplicationEventType)) errors['event'] = `Choose one of: ${APPLICATION_EVENTS.join(', ')}.`;
  if (input['audience'] !== 'back_office' && input['audience'] !== 'storefront') errors['audience'] = 'Choose back_office or storefront.';
  if (typeof input['locale'] !== 'string' || !LOCALE.test(input['locale'])) errors['locale'] = 'Use a language tag such as de or pt-BR.';
  if (Object.keys(errors).length) throw new ValidationFailedException(errors, 'The template cannot be saved.');
  return { event: input['event'] as string, audience: input['audience'] as TemplateAudience, locale: input['locale'] as string };
}

/** Subject and body are all that can change; event, audience and locale identify the template. */
function readTemplate(raw: unknown): { subject: string; body: string } {
  const input = fieldsOf(raw);
  const errors = unknownFieldErrors(input, ['subject', 'body', 'id', 'event', 'audience', 'locale', 'updatedAt']);
  const subject = typeof input['subject'] === 'string' ? input['subject'].trim() : '';
  const body = typeof input['body'] === 'string' ? input['body'] : '';
  const subjectProblems = templateProblems(subject);
  const bodyProblems = templateProblems(body);
  if (!subject) errors['subject'] = 'Enter a subject.';
  else if (subject.length > 255) errors['subject'] = 'Use at most 255 characters.';
  else if (subjectProblems.length) errors['subject'] = subjectProblems.join(' ');
  if (!body.trim()) errors['body'] = 'Enter the email text.';
  else if (bodyProblems.length) errors['body'] = bodyProblems.join(' ');
  if (Object.keys(errors).length) throw new ValidationFailedException(errors, 'The template cannot be saved.');
  return { subject, body };
}

function sampleValues(issuer: string): TemplateValues {
  return {
    applicationName: 'ERP Sync',
    clientId: '3f1c9d2a7b8e4f60a1b2c3d4e5f60718',
    organizationName: 'Default Organization',
    ownerName: 'Ann Example',
    grants: 'Client Credentials',
    applicationUrl: `${issuer}/admin/oauth-applications`,
    time: new Date().toUTCString(),
    secretExpiresAt: 'never',
    previousSecretsExpireAt: new Date(Date.now() + 7 * 86_400_000).toUTCString(),
    lastUsedAt: new Date(Date.now() - 120 * 86_400_000).toUTCString(),
    deactivatesAt: new Date(Date.now() + 30 * 86_400_000).toUTCString(),
  };
}
