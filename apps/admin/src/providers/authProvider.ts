import type { MeDto, MembershipAccessDto, Permission, SessionDto, SignInProviderDto, SignInRequest, UserDto } from '@keyhouse/shared-contracts';
import { type AuthProvider, HttpError, type UserIdentity } from 'react-admin';

import { apiUrl, httpClient, setCsrfToken } from './httpClient';

const sessionUrl = `${apiUrl}/session`;

/** A sign-in refused by the API, with the per-field messages of a 400 answer. */
export class SignInError extends Error {
  constructor(
    message: string,
    readonly fieldErrors: Partial<Record<keyof SignInRequest, string>> = {},
  ) {
    super(message);
    this.name = 'SignInError';
  }
}

/** The ways to sign in besides a password (single sign-on), for the sign-in page's buttons. */
export const fetchSignInProviders = async (): Promise<SignInProviderDto[]> =>
  (await httpClient(`${sessionUrl}/providers`)).json as SignInProviderDto[];

let currentUser: MeDto | null = null;
// Concurrent checkAuth calls on page load share one GET /session.
let pendingRestore: Promise<MeDto> | null = null;

const startSession = ({ user, csrfToken }: SessionDto): MeDto => {
  currentUser = user;
  setCsrfToken(csrfToken);
  return user;
};

const endSession = (): void => {
  currentUser = null;
  pendingRestore = null;
  setCsrfToken(null);
};

/** The signed-in user, asking the API when the page was just (re)loaded. */
const restoreSession = (): Promise<MeDto> => {
  if (currentUser) return Promise.resolve(currentUser);
  pendingRestore ??= httpClient(sessionUrl)
    .then(({ json }) => startSession(json as SessionDto))
    .finally(() => {
      pendingRestore = null;
    });
  return pendingRestore;
};

/**
 * Makes the next getIdentity (and canAccess) ask the API again, for when what the signed-in
 * user may do changed under the console: their own memberships edited, or a role they hold.
 * The session and its CSRF token stay; GET /session hands out the same token.
 */
export const forgetCurrentUser = (): void => {
  currentUser = null;
};

const isStatus = (error: unknown, status: number): boolean =>
  error instanceof HttpError && error.status === status;

const toSignInError = (error: unknown): SignInError => {
  if (!(error instanceof HttpError)) {
    return new SignInError('The server cannot be reached. Check your connection and try again.');
  }
  const body = error.body as { errors?: SignInError['fieldErrors'] } | null;
  return new SignInError(error.message, body?.errors ?? {});
};

const displayName = (user: UserDto): string =>
  `${user.firstName} ${user.lastName}`.trim() || user.username;

/** What `getIdentity` answers: react-admin's identity plus what pickers, columns and screens depend on. */
export interface KeyhouseIdentity extends UserIdentity {
  id: number;
  /** The organizations they belong to. Organization pickers and columns appear only when there are several. */
  organizationIds: number[];
  /** Manages every organization and the platform's defaults. */
  platformOperator: boolean;
  /** What they may do in each of their organizations. */
  access: MembershipAccessDto[];
}

const VIEW_PERMISSIONS: Record<string, Permission> = {
  users: 'users.view',
  organizations: 'organizations.view',
  'customer-users': 'customer_users.view',
  'oauth-applications': 'oauth_applications.view',
  emails: 'notifications.view',
  'email-templates': 'notifications.view',
  'notification-rules': 'notifications.view',
  'oauth-installations': 'oauth_installations.view',
  'audit-events': 'audit.view',
  roles: 'roles.view',
};

// Activating, deactivating and regenerating a secret are edits: the API asks for
// oauth_applications.edit, so the console checks the `edit` action for them.
// Resending an email is an action of its own (`resend`) on the emails resource.
const WRITE_PERMISSIONS: Record<string, Record<string, Permission>> = {
  users: { create: 'users.create', edit: 'users.edit' },
  'customer-users': { create: 'customer_users.create', edit: 'customer_users.edit' },
  // The applications acting as oneself: created in the same place, with the same permission.
  'my-oauth-applications': { create: 'oauth_applications.create' },
  'oauth-applications': {
    create: 'oauth_applications.create',
    clone: 'oauth_applications.create',
    edit: 'oauth_applications.edit',
    delete: 'oauth_applications.delete',
  },
  emails: { resend: 'notifications.edit' },
  'email-templates': { create: 'notifications.edit', edit: 'notifications.edit' },
  'notification-rules': { edit: 'notifications.edit' },
  // Installing an app is creating an installation.
  'oauth-installations': { create: 'oauth_installations.manage', delete: 'oauth_installations.manage' },
  roles: { create: 'roles.create', edit: 'roles.edit' },
};

// What concerns the platform itself: platform operators only, whatever their roles.
const OPERATORS_ONLY: Record<string, string[]> = { organizations: ['create'] };

// Every signed-in user may list and disconnect the apps they authorized themselves, and list and
// open the back-office applications acting as them (the API lists those to anyone).
const OPEN_TO_EVERYONE: Record<string, string[]> = { 'connected-apps': ['list', 'delete'], 'my-oauth-applications': ['list', 'show'] };

/** The organization a record belongs to; undefined for what belongs to none (a platform default) or to several (a user). */
const organizationOf = (record: unknown): number | undefined => {
  const organizationId = (record as { organizationId?: unknown } | undefined)?.organizationId;
  return typeof organizationId === 'number' ? organizationId : undefined;
};

/** Whether the user holds the permission in that organization, or anywhere when none is named (an operator holds every one everywhere). */
const holds = (user: MeDto, permission: Permission, organizationId: number | undefined): boolean =>
  organizationId === undefined
    ? user.permissions.includes(permission)
    : user.platformOperator || user.access.some((membership) => membership.organizationId === organizationId && membership.permissions.includes(permission));

/** The permission the API demands for a react-admin action; undefined when nobody may do it. */
const requiredPermission = (resource: string, action: string): Permission | undefined => {
  if (action === 'list' || action === 'show' || action === 'export') return VIEW_PERMISSIONS[resource];
  return WRITE_PERMISSIONS[resource]?.[action];
};

export const authProvider: AuthProvider = {
  async login({ username, password }: SignInRequest) {
    try {
      const { json } = await httpClient(sessionUrl, {
        method: 'POST',
        body: JSON.stringify({ username, password } satisfies SignInRequest),
      });
      startSession(json as SessionDto);
    } catch (error) {
      throw toSignInError(error);
    }
  },

  async logout() {
    if (currentUser) {
      // A failed DELETE means the server already forgot the session (or is
      // unreachable); either way the console must still sign out locally.
      await httpClient(sessionUrl, { method: 'DELETE' }).catch(() => undefined);
    }
    endSession();
  },

  async checkAuth() {
    try {
      await restoreSession();
    } catch (error) {
      // Simply not signed in: the sign-in page says enough, no toast needed.
      if (isStatus(error, 401)) throw { message: false };
      throw error;
    }
  },

  async checkError(error: unknown) {
    // 401: the session is gone, sign out. 403 and others: stay signed in and
    // let react-admin show the API's message.
    if (isStatus(error, 401)) {
      endSession();
      // No message of our own: react-admin then says the session has ended.
      throw new Error();
    }
  },

  async getIdentity(): Promise<KeyhouseIdentity> {
    const user = await restoreSession();
    return {
      id: user.id,
      fullName: displayName(user),
      organizationIds: user.access.map((membership) => membership.organizationId),
      platformOperator: user.platformOperator,
      access: user.access,
    };
  },

  // Mirrors the API's permission checks so the console hides what would be refused; the API
  // stays the authority. A permission held in any organization opens the screen, which then
  // offers only the organizations where it holds; about a record of one organization (a button
  // on its row or page), the permission must be held in that organization.
  async canAccess({ resource, action, record }) {
    const user = await restoreSession();
    if (OPEN_TO_EVERYONE[resource]?.includes(action)) return true;
    if (OPERATORS_ONLY[resource]?.includes(action)) return user.platformOperator;
    const permission = requiredPermission(resource, action);
    return permission !== undefined && holds(user, permission, organizationOf(record));
  },
};
