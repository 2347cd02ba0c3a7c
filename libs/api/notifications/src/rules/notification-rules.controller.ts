import { Body, Controller, Delete, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import type { NotificationRuleDto } from '@keyhouse/shared-contracts';
import { pageHeaders, type ListParams } from '@keyhouse/api-persistence';
import { IdPipe, Caller, RequirePermission, type BackOfficeCaller } from '@keyhouse/api-platform';
import type { FastifyReply } from 'fastify';
import { NotificationRuleAnswer } from '../answers';
import { NotificationRulesService } from './notification-rules.service';
import { NotificationRuleInputBody, NotificationRuleRecipientsBody } from './rule-bodies';

/** Who is told of each event: the platform's rules and organizations' overrides of them. */
@Controller('admin/api/notification-rules')
@RequirePermission('notifications.view')
export class NotificationRulesController {
  constructor(private readonly rules: NotificationRulesService) {}

  @Get()
  @ApiOkResponse({ type: [NotificationRuleAnswer] })
  async list(@Caller() caller: BackOfficeCaller, @Query() params: ListParams, @Res({ passthrough: true }) reply: FastifyReply): Promise<NotificationRuleDto[]> {
    const page = await this.rules.list(caller, params);
    reply.headers(pageHeaders(page));
    return page.items;
  }

  @Get(':id')
  @ApiOkResponse({ type: NotificationRuleAnswer })
  get(@Caller() caller: BackOfficeCaller, @Param('id', IdPipe) id: number): Promise<NotificationRuleDto> {
    return this.rules.get(caller, id);
  }

  @Post()
  @RequirePermission('notifications.edit')
  @ApiCreatedResponse({ type: NotificationRuleAnswer })
  create(@Caller() caller: BackOfficeCaller, @Body() input: NotificationRuleInputBody): Promise<NotificationRuleDto> {
    return this.rules.create(caller, input);
  }

  @Put(':id')
  @RequirePermission('notifications.edit')
  @ApiOkResponse({ type: NotificationRuleAnswer })
  update(@Caller() caller: BackOfficeCaller, @Param('id', IdPipe) id: number, @Body() changes: NotificationRuleRecipientsBody): Promise<NotificationRuleDto> {
    return this.rules.update(caller, id, changes);
  }

  @Delete(':id')
  @RequirePermission('notifications.edit')
  @ApiOkResponse({ type: NotificationRuleAnswer, description: "The organization's override as it was; the platform rule is in force again." })
  revert(@Caller() caller: BackOfficeCaller, @Param('id', IdPipe) id: number): Promise<NotificationRuleDto> {
    return this.rules.revert(caller, id);
  }
}
