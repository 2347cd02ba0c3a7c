import { Body, Controller, Get, NotFoundException, Param, ParseIntPipe, Put, Query, Res } from '@nestjs/common';
import type { NotificationRuleDto } from '@keyhouse/shared-contracts';
import { containsFilter, findPage, idFilter, pageHeaders, type ListParams, type ListSpec } from '@keyhouse/api-persistence';
import { AuditTrail, Caller, changedFields, fieldsOf, RequirePermission, unknownFieldErrors, ValidationFailedException, type BackOfficeCaller } from '@keyhouse/api-platform';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { NotificationRule } from '../entities';
import { toRuleDto } from './dto';

const RULE_LIST: ListSpec<NotificationRule> = {
  resource: 'notification-rules',
  sortable: { id: 'id', event: { columns: ['event'], unique: true } },
  defaultSort: ['event', 'ASC'],
  filters: { id: idFilter('id'), q: containsFilter('event') },
};

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/** Who is told of each event; one rule per event, seeded by the migration. */
@Controller('admin/api/notification-rules')
@RequirePermission('notifications.view')
export class NotificationRulesController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  @Get()
  async list(@Query() params: ListParams, @Res({ passthrough: true }) reply: FastifyReply): Promise<NotificationRuleDto[]> {
    const page = await findPage(this.dataSource.getRepository(NotificationRule).createQueryBuilder('rule'), params, RULE_LIST);
    reply.headers(pageHeaders(page));
    return page.items.map(toRuleDto);
  }

  @Get(':id')
  async get(@Param('id', ParseIntPipe) id: number): Promise<NotificationRuleDto> {
    return toRuleDto(await this.find(id));
  }

  @Put(':id')
  @RequirePermission('notifications.edit')
  async update(@Caller() caller: BackOfficeCaller, @Param('id', ParseIntPipe) id: number, @Body() body: unknown): Promise<NotificationRuleDto> {
    const current = await this.find(id);
    const rule = readRule(body);
    await this.dataSource.transaction(async (db) => {
      await db.getRepository(NotificationRule).update({ id }, rule);
      await this.audit.record(
        { action: 'notification_rule.updated', actorUserId: caller.userId, target: { type: 'notification_rule', id, name: current.event }, organizationId: null, ...changedFields({ ...current }, rule) },
        db,
      );
    });
    return toRuleDto(await this.find(id));
  }

  private async find(id: number): Promise<NotificationRule> {
    const rule = await this.dataSource.getRepository(NotificationRule).findOneBy({ id });
    if (!rule) throw new NotFoundException({ message: `Notification rule ${id} not found.` });
    return rule;
  }
}

function readRule(raw: unknown): Pick<NotificationRule, 'enabled' | 'notifyOwner' | 'notifyOrganizationAdmins' | 'extraRecipients'> {
  const input = fieldsOf(raw);
  const errors = unknownFieldErrors(input, ['enabled', 'notifyOwner', 'notifyOrganizationAdmins', 'extraRecipients', 'id', 'event', 'updatedAt']);
  const flag = (name: string) => {
    if (typeof input[name] !== 'boolean') errors[name] = 'Must be true or false.';
    return input[name] === true;
  };
  const extra = input['extraRecipients'] ?? [];
  const recipients = Array.isArray(extra) ? extra : [];
  if (!Array.isArray(extra) || recipients.length > 50) errors['extraRecipients'] = 'Give a list of at most 50 email addresses.';
  const invalid = recipients.find((address) => typeof address !== 'string' || !EMAIL.test(address));
  if (invalid !== undefined) errors['extraRecipients'] = `"${String(invalid)}" is not an email address.`;
  const rule = { enabled: flag('enabled'), notifyOwner: flag('notifyOwner'), notifyOrganizationAdmins: flag('notifyOrganizationAdmins'), extraRecipients: recipients as string[] };
  if (Object.keys(errors).length) throw new ValidationFailedException(errors);
  return rule;
}
