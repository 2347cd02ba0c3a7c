import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import type { EmailTemplateDto, TemplatePreviewDto } from '@keyhouse/shared-contracts';
import { pageHeaders, type ListParams } from '@keyhouse/api-persistence';
import { IdPipe, Caller, RequirePermission, type BackOfficeCaller } from '@keyhouse/api-platform';
import type { FastifyReply } from 'fastify';
import { EmailTemplatesService } from './email-templates.service';

/** Email templates, editable in the console: the platform's and organizations' own. */
@Controller('admin/api/email-templates')
@RequirePermission('notifications.view')
export class EmailTemplatesController {
  constructor(private readonly templates: EmailTemplatesService) {}

  @Get()
  async list(@Caller() caller: BackOfficeCaller, @Query() params: ListParams, @Res({ passthrough: true }) reply: FastifyReply): Promise<EmailTemplateDto[]> {
    const page = await this.templates.list(caller, params);
    reply.headers(pageHeaders(page));
    return page.items;
  }

  @Get(':id')
  get(@Caller() caller: BackOfficeCaller, @Param('id', IdPipe) id: number): Promise<EmailTemplateDto> {
    return this.templates.get(caller, id);
  }

  @Post()
  @RequirePermission('notifications.edit')
  create(@Caller() caller: BackOfficeCaller, @Body() body: unknown): Promise<EmailTemplateDto> {
    return this.templates.create(caller, body);
  }

  @Put(':id')
  @RequirePermission('notifications.edit')
  update(@Caller() caller: BackOfficeCaller, @Param('id', IdPipe) id: number, @Body() body: unknown): Promise<EmailTemplateDto> {
    return this.templates.update(caller, id, body);
  }

  @Delete(':id')
  @RequirePermission('notifications.edit')
  delete(@Caller() caller: BackOfficeCaller, @Param('id', IdPipe) id: number): Promise<EmailTemplateDto> {
    return this.templates.delete(caller, id);
  }

  /** Renders unsaved text with sample values: the console's live preview. */
  @Post('preview')
  @HttpCode(200)
  preview(@Body() body: unknown): TemplatePreviewDto {
    return this.templates.preview(body);
  }
}
