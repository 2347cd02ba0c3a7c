import type { ApplicationEvent, ApplicationEventType } from '@keyhouse/shared-contracts';
import type { OAuthApplication } from './entities';

/** The event for a change to `application`: plain facts, no secret. A null actor is the server itself. */
export function applicationEvent(type: ApplicationEventType, application: OAuthApplication, actorUserId: number | null): ApplicationEvent {
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

/** The event for a change to one of the application's secrets: its id and expiry, never its value or digest. */
export function secretEvent(
  type: ApplicationEventType,
  application: OAuthApplication,
  actorUserId: number | null,
  secret: NonNullable<ApplicationEvent['secret']>,
): ApplicationEvent {
  return { ...applicationEvent(type, application, actorUserId), secret };
}
