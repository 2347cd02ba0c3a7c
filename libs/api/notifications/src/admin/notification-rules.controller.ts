import { Body, Controller, Get, NotFoundException, Param, ParseIntPipe, Put, Query, Res } from '@nestjs/common';
import type { NotificationRuleDto } from '@keyhouse/shared-contracts';
import { containsFilter, findPage, idFilter, pageHeaders, type ListParams, type ListSpec } from '@keyhouse/api-persistence';
import { RequirePermission, ValidationFailedException } from '@keyhouse/api-platform';
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
  constructor(private readonly dataSource: DataSource) {}

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
  async update(@Param('id', ParseIntPipe) id: number, @Body() body: unknown): Promise<NotificationRuleDto> {
    await this.find(id);
    await this.dataSource.getRepository(NotificationRule).update({ id }, readRule(body));
    return toRuleDto(await this.find(id));
  }

  private async find(id: number): Promise<NotificationRule> {
    const rule = await this.dataSource.getRepository(NotificationRule).findOneBy({ id });
    if (!rule) throw new NotFoundException({ message: `Notification rule ${id} not found.` });
    return rule;
  }
}

function readRule(raw: unknown): Pick<NotificationRule, 'enabled' | 'notifyOwner' | 'notifyOrganizationAdmins' | 'extraRecipients'> {
  const input = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const errors: Record<string, string> = {};
  for (const name of Object.keys(input)) {
    if (!['enabled', 'notifyOwner', 'notifyOrganizationAdmins', 'extraRecipients', 'id', 'event', 'updatedAt'].includes(name)) errors[name] = `Unknown field "${name}".`;
  }
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
