import type { ApplicationEvent, ApplicationEventType } from '@keyhouse/shared-contracts';
import type { OAuthApplication } from './entities';

/** The event for a change to `application`: plain facts, no secret. */
export function applicationEvent(type: ApplicationEventType, application: OAuthApplication, actorUserId: number): ApplicationEvent {
  return {
    type,
    at: new Date().toISOString(),
    actorUserId,
    application: {
      id: application.id,
      name: application.name,
      clientId: application.clientId,
      organizationId: application.organizationId,
      grants: application.grants,
      frontend: application.frontend,
      ownerId: application.frontend ? application.customerUserId : application.userId,
    },
  };
}
