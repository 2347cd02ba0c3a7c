import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import type { EmailTemplateDto, TemplatePreviewDto } from '@keyhouse/shared-contracts';
import { pageHeaders, type ListParams } from '@keyhouse/api-persistence';
import { IdPipe, Caller, RequirePermission, type BackOfficeCaller } from '@keyhouse/api-platform';
import type { FastifyReply } from 'fastify';
import { EmailTemplateAnswer, TemplatePreviewAnswer } from '../answers';
import { EmailTemplatesService } from './email-templates.service';
import { EmailTemplateInputBody, EmailTemplateTextBody } from './template-bodies';

/** Email templates, editable in the console: the platform's and organizations' own. */
@Controller('admin/api/email-templates')
@RequirePermission('notifications.view')
export class EmailTemplatesController {
  constructor(private readonly templates: EmailTemplatesService) {}

  @Get()
  @ApiOkResponse({ type: [EmailTemplateAnswer] })
  async list(@Caller() caller: BackOfficeCaller, @Query() params: ListParams, @Res({ passthrough: true }) reply: FastifyReply): Promise<EmailTemplateDto[]> {
    const page = await this.templates.list(caller, params);
    reply.headers(pageHeaders(page));
    return page.items;
  }

  @Get(':id')
  @ApiOkResponse({ type: EmailTemplateAnswer })
  get(@Caller() caller: BackOfficeCaller, @Param('id', IdPipe) id: number): Promise<EmailTemplateDto> {
    return this.templates.get(caller, id);
  }

  @Post()
  @RequirePermission('notifications.edit')
  @ApiCreatedResponse({ type: EmailTemplateAnswer })
  create(@Caller() caller: BackOfficeCaller, @Body() input: EmailTemplateInputBody): Promise<EmailTemplateDto> {
    return this.templates.create(caller, input);
  }

  @Put(':id')
  @RequirePermission('notifications.edit')
  @ApiOkResponse({ type: EmailTemplateAnswer })
  update(@Caller() caller: BackOfficeCaller, @Param('id', IdPipe) id: number, @Body() changes: EmailTemplateTextBody): Promise<EmailTemplateDto> {
    return this.templates.update(caller, id, changes);
  }

  @Delete(':id')
  @RequirePermission('notifications.edit')
  @ApiOkResponse({ type: EmailTemplateAnswer, description: 'The template as it was.' })
  delete(@Caller() caller: BackOfficeCaller, @Param('id', IdPipe) id: number): Promise<EmailTemplateDto> {
    return this.templates.delete(caller, id);
  }

  /** Renders unsaved text with sample values: the console's live preview. */
  @Post('preview')
  @HttpCode(200)
  @ApiOkResponse({ type: TemplatePreviewAnswer })
  preview(@Body() text: EmailTemplateTextBody): TemplatePreviewDto {
    return this.templates.preview(text);
  }
}
