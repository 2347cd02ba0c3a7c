import { Controller, Get, NotFoundException, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { pageHeaders, type ListParams } from '@keyhouse/api-persistence';
import { IdPipe, Caller, inScope, RequirePermission, type BackOfficeCaller, type Reach } from '@keyhouse/api-platform';
import type { AuditEventDto } from '@keyhouse/shared-contracts';
import type { FastifyReply } from 'fastify';
import { AuditEventAnswer } from './answers';
import type { AuditEvent } from './audit-event.entity';
import { AuditEventsRepository } from './audit-events.repository';

/** Read-only on purpose: the trail has no route that changes it. */
@Controller('admin/api/audit-events')
@RequirePermission('audit.view')
export class AuditEventsController {
  constructor(private readonly events: AuditEventsRepository) {}

  @Get()
  @ApiOkResponse({ type: [AuditEventAnswer] })
  async list(@Caller() caller: BackOfficeCaller, @Query() params: ListParams, @Res({ passthrough: true }) reply: FastifyReply): Promise<AuditEventDto[]> {
    const page = await this.events.list(caller.reach, params);
    reply.headers(pageHeaders(page));
    return page.items.map((event) => toAuditEventDto(event, caller.reach));
  }

  @Get(':id')
  @ApiOkResponse({ type: AuditEventAnswer })
  async get(@Caller() caller: BackOfficeCaller, @Param('id', IdPipe) id: number): Promise<AuditEventDto> {
    const event = await this.events.findVisible(caller.reach, id);
    if (!event) throw new NotFoundException({ message: `Audit event ${id} not found.` });
    return toAuditEventDto(event, caller.reach);
  }
}

/**
 * The row as the reader may see it: of the organizations it concerns, those where they may view
 * the trail (a user's other memberships are not theirs to learn, as in the users list).
 */
function toAuditEventDto(event: AuditEvent, reach: Reach): AuditEventDto {
  const scope = reach.organizationsWith('audit.view');
  const organizationIds = (event.organizations ?? [])
    .map((concern) => concern.organizationId)
    .filter((organizationId) => inScope(scope, organizationId))
    .sort((a, b) => a - b);
  return {
    id: event.id,
    at: event.at.toISOString(),
    action: event.action,
    actor: { id: event.actorUserId, name: event.actorName, ...applicationOf(event) },
    target: { type: event.targetType, id: event.targetId, name: event.targetName },
    organizationId: organizationIds[0] ?? null,
    organizationIds,
    ip: event.ip,
    before: event.before ? (JSON.parse(event.before) as Record<string, unknown>) : null,
    after: event.after ? (JSON.parse(event.after) as Record<string, unknown>) : null,
  };
}

/** The application the actor acted through; its three columns are written together. */
function applicationOf({ applicationId, applicationClientId, applicationName }: AuditEvent): Pick<AuditEventDto['actor'], 'application'> {
  return applicationId === null ? {} : { application: { id: applicationId, clientId: applicationClientId ?? '', name: applicationName ?? '' } };
}
