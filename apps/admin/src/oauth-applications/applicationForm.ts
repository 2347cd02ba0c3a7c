import { GRANT_LABELS, GRANT_TYPES, type GrantType, type JwkSet, type OAuthApplicationInput } from '@keyhouse/shared-contracts';

export const GRANT_CHOICES = GRANT_TYPES.map((id) => ({ id, name: GRANT_LABELS[id] }));

/** `frontend` as Oro's back-office / storefront choice (radio values must be strings). */
export const APPLICATION_TYPE_CHOICES = [
  { id: 'back-office', name: 'Back-office' },
  { id: 'storefront', name: 'Storefront' },
];
export const formatApplicationType = (frontend: boolean | undefined) => (frontend ? 'storefront' : 'back-office');
export const parseApplicationType = (choice: string) => choice === 'storefront';

/** A public client authenticates with PKCE alone, which only the authorization code flow offers. */
export const canBePublicClient = (grants: readonly GrantType[]) =>
  grants.length === 1 && grants[0] === 'authorization_code';

/** How a confidential client proves itself; a public client proves itself with PKCE alone. */
export const CLIENT_AUTHENTICATION_CHOICES = [
  { id: 'client_secret_basic', name: 'Client secret' },
  { id: 'private_key_jwt', name: 'Private key JWT (no secret)' },
];

/** A JWK Set as the form shows it: the stored one pretty-printed, or the text as typed. */
export const formatJwks = (value: unknown) => (value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value, null, 2));

/** The typed JWK Set as JSON; text that is not JSON goes as it is, for the API to say what is wrong with it. */
const readJwks = (value: unknown): JwkSet | null => {
  if (typeof value !== 'string') return (value as JwkSet | null | undefined) ?? null;
  if (!value.trim()) return null;
  try {
    return JSON.parse(value) as JwkSet;
  } catch {
    return value as unknown as JwkSet;
  }
};

const keysOf = ({ jwks, jwksUri }: OAuthApplicationInput) => ({ jwks: readJwks(jwks), jwksUri: jwksUri?.trim() || null });

export const APPLICATION_DEFAULTS: Partial<OAuthApplicationInput> = {
  active: true,
  grants: [],
  frontend: false,
  confidential: true,
  tokenEndpointAuthMethod: 'client_secret_basic',
  jwks: null,
  jwksUri: null,
  scopes: [],
  accessTokenTtl: null,
  firstParty: false,
  allowPlainPkce: false,
  installUrl: null,
  listed: false,
  allowedIpRanges: [],
};

/**
 * The create body. Inputs hidden by the grant choice may still hold values typed
 * before; they are dropped here so the API judges only what the form shows.
 */
export const toCreateInput = (values: OAuthApplicationInput, onlyOrganizationId?: number): OAuthApplicationInput => {
  const grants = values.grants ?? [];
  const authorizationCode = grants.includes('authorization_code');
  const confidential = canBePublicClient(grants) ? values.confidential : true;
  const keyless = confidential && values.tokenEndpointAuthMethod === 'private_key_jwt';
  return {
    organizationId: values.organizationId ?? onlyOrganizationId,
    name: values.name,
    slug: values.slug || undefined,
    active: values.active,
    grants,
    frontend: values.frontend,
    userId: grants.includes('client_credentials') ? values.userId : null,
    confidential,
    tokenEndpointAuthMethod: confidential ? values.tokenEndpointAuthMethod : 'none',
    ...(keyless ? keysOf(values) : { jwks: null, jwksUri: null }),
    redirectUris: authorizationCode ? values.redirectUris : [],
    scopes: values.scopes ?? [],
    accessTokenTtl: values.accessTokenTtl ?? null,
    firstParty: authorizationCode && values.firstParty === true,
    allowPlainPkce: authorizationCode && values.allowPlainPkce === true,
    installUrl: authorizationCode ? (values.installUrl ?? null) : null,
    listed: authorizationCode && !values.frontend && values.listed === true,
    allowedIpRanges: grants.includes('client_credentials') ? (values.allowedIpRanges ?? []) : [],
  };
};

/** The update body: the API refuses any field but the editable ones; the keys are a private_key_jwt application's alone. */
export const toUpdateInput = (values: OAuthApplicationInput) => ({
  name: values.name,
  slug: values.slug,
  active: values.active,
  redirectUris: values.redirectUris,
  scopes: values.scopes,
  accessTokenTtl: values.accessTokenTtl ?? null,
  firstParty: values.firstParty,
  allowPlainPkce: values.allowPlainPkce,
  installUrl: values.installUrl ?? null,
  listed: values.listed,
  allowedIpRanges: values.allowedIpRanges ?? [],
  ...(values.tokenEndpointAuthMethod === 'private_key_jwt' ? keysOf(values) : {}),
});
