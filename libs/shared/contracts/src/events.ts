import type { GrantType } from './applications';

/** What happened to an OAuth application; published inside the transaction that made it happen. */
export const APPLICATION_EVENTS = [
  'oauth_application.created',
  'oauth_application.secret_regenerated',
  'oauth_application.deactivated',
  'oauth_application.deleted',
  'oauth_application.secret_added',
  'oauth_application.secret_revoked',
  'oauth_application.secret_expiring',
  'oauth_application.dormant',
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
  /** Secret events only: which secret, and when it stops working (null: never). Never its value. */
  secret?: {
    id: number;
    expiresAt: string | null;
    /** `secret_added`: when the secrets that were live before it stop working. */
    previousExpiresAt?: string;
  };
  /** `dormant` only: when the application last got a token (null: never), and when it will be deactivated. */
  dormancy?: {
    lastUsedAt: string | null;
    deactivatesAt: string;
  };
}
