import { Controller, Get, HttpCode, Inject, NotFoundException, Param, ParseIntPipe, Post, Query, Res } from '@nestjs/common';
import type { EmailDto } from '@keyhouse/shared-contracts';
import { containsFilter, findPage, idFilter, ListQueryError, pageHeaders, type ListParams, type ListSpec } from '@keyhouse/api-persistence';
import { assertCan, Caller, inOrganizations, RequirePermission, type BackOfficeCaller } from '@keyhouse/api-platform';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { OutboxEmail } from '../entities';
import { NOTIFICATION_OPTIONS, type NotificationOptions } from '../notification-options';
import { toEmailDto } from './dto';

const EMAIL_LIST: ListSpec<OutboxEmail> = {
  resource: 'emails',
  sortable: { id: 'id', createdAt: { columns: ['createdAt'] }, status: 'status', to: 'recipient' },
  defaultSort: ['id', 'DESC'],
  filters: {
    id: idFilter('id'),
    q: containsFilter('recipient', 'subject'),
    event: containsFilter('event'),
    status: (query, value, param) => {
      if (!['pending', 'sent', 'failed'].includes(String(value))) throw new ListQueryError('filter', 'status must be pending, sent or failed');
      query.andWhere(`${query.alias}.status = :${param}`, { [param]: value });
    },
  },
};

/** The outbox as the console shows it ("Emails"): every notification, with its delivery state. */
@Controller('admin/api/emails')
@RequirePermission('notifications.view')
export class EmailsController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(NOTIFICATION_OPTIONS) private readonly options: NotificationOptions,
  ) {}

  @Get()
  async list(@Caller() caller: BackOfficeCaller, @Query() params: ListParams, @Res({ passthrough: true }) reply: FastifyReply): Promise<EmailDto[]> {
    const page = await findPage(this.visibleTo(caller), params, EMAIL_LIST);
    reply.headers(pageHeaders(page));
    return page.items.map((email) => toEmailDto(email, Boolean(this.options.smtpUrl)));
  }

  @Get(':id')
  async get(@Caller() caller: BackOfficeCaller, @Param('id', ParseIntPipe) id: number): Promise<EmailDto> {
    return toEmailDto(await this.find(caller, id), Boolean(this.options.smtpUrl), true);
  }

  /** Queues the mail again, from a clean slate: for a failed mail once the cause is fixed. */
  @Post(':id/resend')
  @HttpCode(200)
  @RequirePermission('notifications.edit')
  async resend(@Caller() caller: BackOfficeCaller, @Param('id', ParseIntPipe) id: number): Promise<EmailDto> {
    const email = await this.find(caller, id);
    assertCan(caller.reach, 'notifications.edit', email.organizationId);
    await this.dataSource
      .getRepository(OutboxEmail)
      .update({ id }, { status: 'pending', attempts: 0, lastError: null, nextAttemptAt: new Date(), lockedUntil: null, sentAt: null });
    return toEmailDto(await this.find(caller, id), Boolean(this.options.smtpUrl), true);
  }

  private async find(caller: BackOfficeCaller, id: number): Promise<OutboxEmail> {
    const email = await this.visibleTo(caller).andWhere('email.id = :id', { id }).getOne();
    if (!email) throw new NotFoundException({ message: `Email ${id} not found.` });
    return email;
  }

  /** Mail about other organizations' applications does not exist for the caller. */
  private visibleTo(caller: BackOfficeCaller) {
    return inOrganizations(this.dataSource.getRepository(OutboxEmail).createQueryBuilder('email'), 'email.organizationId', caller.reach.organizationsWith('notifications.view'));
  }
}
