import { FIXED_APPLICATION_FIELDS, GRANT_TYPES, type GrantType, type OAuthApplicationDto } from '@keyhouse/shared-contracts';
import { ipRangeProblem, unknownFieldErrors, ValidationFailedException } from '@keyhouse/api-platform';

export interface CreateApplicationInput {
  organizationId?: number;
  name: string;
  slug?: string;
  active: boolean;
  grants: GrantType[];
  frontend: boolean;
  userId: number | null;
  confidential: boolean;
  redirectUris: string[];
  scopes: string[];
  accessTokenTtl: number | null;
  firstParty: boolean;
  allowPlainPkce: boolean;
  installUrl: string | null;
  listed: boolean;
  allowedIpRanges: string[];
}

const EDITABLE_FIELDS = [
  'name',
  'slug',
  'active',
  'redirectUris',
  'scopes',
  'accessTokenTtl',
  'firstParty',
  'allowPlainPkce',
  'installUrl',
  'listed',
  'allowedIpRanges',
] as const;
export type ApplicationChanges = Partial<Pick<CreateApplicationInput, (typeof EDITABLE_FIELDS)[number]>>;

/** Fields only the server sets; react-admin echoes them back on update, unchanged. */
const READ_ONLY_FIELDS = ['id', 'clientId', 'createdAt', 'createdBy'] as const;
/** Server state that moves on its own (use, failed sign-ins): echoed back stale, so ignored whatever its value. */
const SERVER_STATE_FIELDS = ['updatedAt', 'lastUsedAt', 'owner', 'failedAuthentications', 'lockedUntil', 'dormant'] as const;

export const ORGANIZATION_PLACEHOLDER = '{organization}';
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
// RFC 6749 3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E )
const SCOPE_TOKEN = /^[\x21\x23-\x5B\x5D-\x7E]{1,100}$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MIN_TOKEN_TTL = 60;
export const MAX_TOKEN_TTL = 86_400;
const MAX_IP_RANGES = 50;

type Body = Record<string, unknown>;

/** Reads a create body: every problem is reported at once, each at its field. */
export function parseCreateInput(raw: unknown): CreateApplicationInput {
  const body = asObject(raw);
  const errors = unknownFieldErrors(body, [...EDITABLE_FIELDS, ...FIXED_APPLICATION_FIELDS]);
  const field = new FieldReader(body, errors);

  const input: CreateApplicationInput = {
    organizationId: field.optionalId('organizationId'),
    name: field.name(),
    slug: field.slug(),
    active: field.boolean('active', true),
    grants: field.grants(),
    frontend: field.boolean('frontend', false),
    userId: field.optionalId('userId') ?? null,
    confidential: field.boolean('confidential', true),
    redirectUris: field.redirectUris(),
    scopes: field.scopes(),
    accessTokenTtl: field.tokenTtl(),
    firstParty: field.boolean('firstParty', false),
    allowPlainPkce: field.boolean('allowPlainPkce', false),
    installUrl: field.installUrl(),
    listed: field.boolean('listed', false),
    allowedIpRanges: field.ipRanges(),
  };
  checkGrantRules(input, errors);
  if (Object.keys(errors).length) throw new ValidationFailedException(errors);
  return input;
}

/**
 * Reads an update body. Fixed and read-only fields may be sent (react-admin sends the whole
 * record) but never with a different value; anything else unknown is refused.
 */
export function parseUpdateInput(raw: unknown, current: OAuthApplicationDto): ApplicationChanges {
  const body = asObject(raw);
  const errors = unknownFieldErrors(body, [...EDITABLE_FIELDS, ...FIXED_APPLICATION_FIELDS, ...READ_ONLY_FIELDS, ...SERVER_STATE_FIELDS]);
  for (const name of FIXED_APPLICATION_FIELDS) {
    if (name in body && !sameValue(body[name], current[name])) errors[name] = `${LABELS[name]} cannot be changed after creation.`;
  }
  for (const name of READ_ONLY_FIELDS) {
    if (name in body && !sameValue(body[name], current[name])) errors[name] = `${name} is set by the server and cannot be changed.`;
  }

  const field = new FieldReader(body, errors);
  const changes: ApplicationChanges = {};
  if ('name' in body) changes.name = field.name();
  if ('slug' in body) changes.slug = field.slug();
  if ('active' in body) changes.active = field.boolean('active', current.active);
  if ('redirectUris' in body) changes.redirectUris = field.redirectUris();
  if ('scopes' in body) changes.scopes = field.scopes();
  if ('accessTokenTtl' in body) changes.accessTokenTtl = field.tokenTtl();
  if ('firstParty' in body) changes.firstParty = field.boolean('firstParty', current.firstParty);
  if ('allowPlainPkce' in body) changes.allowPlainPkce = field.boolean('allowPlainPkce', current.allowPlainPkce);
  if ('installUrl' in body) changes.installUrl = field.installUrl();
  if ('listed' in body) changes.listed = field.boolean('listed', current.listed);
  if ('allowedIpRanges' in body) changes.allowedIpRanges = field.ipRanges();
  checkGrantRules({ ...current, ...changes } as CreateApplicationInput, errors);
  if (Object.keys(errors).length) throw new ValidationFailedException(errors);
  return changes;
}

const LABELS: Record<(typeof FIXED_APPLICATION_FIELDS)[number], string> = {
  organizationId: 'The organization',
  grants: 'The grant types',
  frontend: 'The application type',
  userId: 'The user',
  confidential: 'Whether the client is public',
};

function checkGrantRules(input: CreateApplicationInput, errors: Record<string, string>): void {
  const grants = new Set(input.grants);
  if (grants.has('client_credentials') && input.userId === null && !errors['userId']) {
    errors['userId'] = 'Choose the user this application acts as (required for Client Credentials).';
  }
  if (grants.has('authorization_code') && input.redirectUris.length === 0 && !errors['redirectUris']) {
    errors['redirectUris'] = 'Add at least one redirect URI (required for Authorization Code).';
  }
  if (!grants.has('authorization_code') && input.redirectUris.length > 0 && !errors['redirectUris']) {
    errors['redirectUris'] = 'Redirect URIs are only used by the Authorization Code grant.';
  }
  if (!grants.has('authorization_code')) {
    const onlyForCodes = 'is only used by the Authorization Code grant.';
    if (input.firstParty && !errors['firstParty']) errors['firstParty'] = `Skipping consent ${onlyForCodes}`;
    if (input.allowPlainPkce && !errors['allowPlainPkce']) errors['allowPlainPkce'] = `The plain PKCE method ${onlyForCodes}`;
    if (input.installUrl !== null && !errors['installUrl']) errors['installUrl'] = `An install URL ${onlyForCodes}`;
    if (input.listed && !errors['listed']) errors['listed'] = `Listing in the marketplace ${onlyForCodes}`;
  }
  if (input.listed && input.frontend && !errors['listed']) {
    errors['listed'] = 'Storefront applications are not installed by organizations: only back-office applications can be listed.';
  }
  if (!grants.has('client_credentials') && input.allowedIpRanges.length > 0 && !errors['allowedIpRanges']) {
    errors['allowedIpRanges'] = 'IP ranges only restrict the Client Credentials grant.';
  }
  if (!input.confidential && (grants.size !== 1 || !grants.has('authorization_code')) && !errors['grants']) {
    errors['confidential'] = 'A public client has no secret, so it can only use Authorization Code (with PKCE).';
  }
}

class FieldReader {
  constructor(
    private readonly body: Body,
    private readonly errors: Record<string, string>,
  ) {}

  name(): string {
    const value = this.body['name'];
    if (typeof value !== 'string' || !value.trim()) return this.fail('name', 'Enter a name for the application.', '');
    if (value.trim().length > 255) return this.fail('name', 'Use at most 255 characters.', '');
    return value.trim();
  }

  slug(): string | undefined {
    const value = this.body['slug'];
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value !== 'string' || value.length > 100 || !SLUG.test(value)) {
      return this.fail('slug', 'Use lower-case letters, digits and single dashes (at most 100 characters).', undefined);
    }
    return value;
  }

  boolean(name: string, fallback: boolean): boolean {
    const value = this.body[name];
    if (value === undefined) return fallback;
    if (typeof value !== 'boolean') return this.fail(name, 'Must be true or false.', fallback);
    return value;
  }

  optionalId(name: string): number | undefined {
    const value = this.body[name];
    if (value === undefined || value === null) return undefined;
    if (!Number.isSafeInteger(value) || (value as number) <= 0) return this.fail(name, 'Must be an id.', undefined);
    return value as number;
  }

  grants(): GrantType[] {
    const value = this.body['grants'];
    if (!Array.isArray(value) || value.length === 0) return this.fail('grants', 'Choose at least one grant type.', []);
    const unknown = value.filter((grant) => !GRANT_TYPES.includes(grant as GrantType));
    if (unknown.length) return this.fail('grants', `Unknown grant type: ${unknown.map(String).join(', ')}.`, []);
    if (new Set(value).size !== value.length) return this.fail('grants', 'Each grant type may be chosen once.', []);
    return value as GrantType[];
  }

  redirectUris(): string[] {
    const value = this.body['redirectUris'] ?? [];
    if (!Array.isArray(value) || value.length > 20) return this.fail('redirectUris', 'Give a list of at most 20 redirect URIs.', []);
    for (const [index, uri] of value.entries()) {
      const problem = typeof uri === 'string' ? redirectUriProblem(uri) : 'must be a string';
      if (problem) return this.fail('redirectUris', `Redirect URI ${index + 1} ${problem}.`, []);
    }
    if (new Set(value).size !== value.length) return this.fail('redirectUris', 'Each redirect URI may be listed once.', []);
    return value as string[];
  }

  scopes(): string[] {
    const value = this.body['scopes'] ?? [];
    if (!Array.isArray(value) || value.length > 100) return this.fail('scopes', 'Give a list of at most 100 scopes.', []);
    const bad = value.find((scope) => typeof scope !== 'string' || !SCOPE_TOKEN.test(scope));
    if (bad !== undefined) return this.fail('scopes', `"${String(bad)}" is not a valid scope (no spaces, quotes or backslashes).`, []);
    if (new Set(value).size !== value.length) return this.fail('scopes', 'Each scope may be listed once.', []);
    return value as string[];
  }

  tokenTtl(): number | null {
    const value = this.body['accessTokenTtl'];
    if (value === undefined || value === null) return null;
    if (!Number.isSafeInteger(value) || (value as number) < MIN_TOKEN_TTL || (value as number) > MAX_TOKEN_TTL) {
      return this.fail('accessTokenTtl', `Give a number of seconds from ${MIN_TOKEN_TTL} to ${MAX_TOKEN_TTL}, or leave it empty.`, null);
    }
    return value as number;
  }

  ipRanges(): string[] {
    const value = this.body['allowedIpRanges'] ?? [];
    if (!Array.isArray(value) || value.length > MAX_IP_RANGES) return this.fail('allowedIpRanges', `Give a list of at most ${MAX_IP_RANGES} IP ranges.`, []);
    for (const [index, range] of value.entries()) {
      const problem = typeof range === 'string' ? ipRangeProblem(range.trim()) : 'must be a string';
      if (problem) return this.fail('allowedIpRanges', `IP range ${index + 1} ${problem}.`, []);
    }
    const ranges = (value as string[]).map((range) => range.trim());
    if (new Set(ranges).size !== ranges.length) return this.fail('allowedIpRanges', 'Each IP range may be listed once.', []);
    return ranges;
  }

  /** Where installing sends the browser; `{organization}` is filled in then, so it is checked filled. */
  installUrl(): string | null {
    const value = this.body['installUrl'];
    if (value === undefined || value === null || value === '') return null;
    if (typeof value !== 'string') return this.fail('installUrl', 'Must be a URL.', null);
    const problem = redirectUriProblem(value.trim().replaceAll(ORGANIZATION_PLACEHOLDER, '1'));
    return problem ? this.fail('installUrl', `The install URL ${problem}.`, null) : value.trim();
  }

  private fail<T>(name: string, message: string, fallback: T): T {
    this.errors[name] ??= message;
    return fallback;
  }
}

/** RFC 6749 3.1.2 and RFC 9700 2.1: absolute, exact, no fragment; https except on loopback. */
export function redirectUriProblem(uri: string): string | undefined {
  if (uri.length > 2000) return 'is too long';
  if (uri.includes('*')) return 'must not contain wildcards';
  if (uri.includes('#')) return 'must not contain a fragment';
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return 'must be an absolute URL';
  }
  if (url.username || url.password) return 'must not contain credentials';
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return undefined;
  return 'must use https (http only on localhost, 127.0.0.1 or [::1])';
}

function asObject(raw: unknown): Body {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ValidationFailedException({}, 'Send the application as a JSON object.');
  }
  return raw as Body;
}

function sameValue(sent: unknown, stored: unknown): boolean {
  // Grants are a set: the order they are echoed back in does not matter.
  const normalize = (value: unknown) => (Array.isArray(value) ? [...value].sort() : value);
  return JSON.stringify(normalize(sent)) === JSON.stringify(normalize(stored));
}
