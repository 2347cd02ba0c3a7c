import type { GrantType } from './applications';

/** What happened to an OAuth application; published inside the transaction that made it happen. */
export const APPLICATION_EVENTS = [
  'oauth_application.created',
  'oauth_application.secret_regenerated',
  'oauth_application.deactivated',
  'oauth_application.deleted',
] as const;

export type ApplicationEventType = (typeof APPLICATION_EVENTS)[number];

/** Never carries a secret or its digest: whatever listens cannot leak what it never receives. */
export interface ApplicationEvent {
  type: ApplicationEventType;
  at: string;
  actorUserId: number | null;
  application: {
    id: number;
    name: string;
    clientId: string;
    organizationId: number;
    grants: GrantType[];
    frontend: boolean;
    /** The user (or customer user, for storefront applications) the application acts as. */
    ownerId: number | null;
  };
}
