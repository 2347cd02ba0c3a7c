import { Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import type { EmailDto } from '@keyhouse/shared-contracts';
import { pageHeaders, type ListParams } from '@keyhouse/api-persistence';
import { IdPipe, Caller, RequirePermission, type BackOfficeCaller } from '@keyhouse/api-platform';
import type { FastifyReply } from 'fastify';
import { EmailAnswer } from '../answers';
import { EmailsService } from './emails.service';

/** The outbox as the console shows it ("Emails"): every notification, with its delivery state. */
@Controller('admin/api/emails')
@RequirePermission('notifications.view')
export class EmailsController {
  constructor(private readonly emails: EmailsService) {}

  @Get()
  @ApiOkResponse({ type: [EmailAnswer] })
  async list(@Caller() caller: BackOfficeCaller, @Query() params: ListParams, @Res({ passthrough: true }) reply: FastifyReply): Promise<EmailDto[]> {
    const page = await this.emails.list(caller, params);
    reply.headers(pageHeaders(page));
    return page.items;
  }

  @Get(':id')
  @ApiOkResponse({ type: EmailAnswer })
  get(@Caller() caller: BackOfficeCaller, @Param('id', IdPipe) id: number): Promise<EmailDto> {
    return this.emails.get(caller, id);
  }

  /** Queues the mail again, from a clean slate: for a failed mail once the cause is fixed. */
  @Post(':id/resend')
  @HttpCode(200)
  @RequirePermission('notifications.edit')
  @ApiOkResponse({ type: EmailAnswer, description: 'The mail, queued again.' })
  resend(@Caller() caller: BackOfficeCaller, @Param('id', IdPipe) id: number): Promise<EmailDto> {
    return this.emails.resend(caller, id);
  }
}
