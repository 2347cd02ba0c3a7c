import { GRANT_LABELS, GRANT_TYPES, type GrantType, type OAuthApplicationInput } from '@keyhouse/shared-contracts';

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

export const APPLICATION_DEFAULTS: Partial<OAuthApplicationInput> = {
  active: true,
  grants: [],
  frontend: false,
  confidential: true,
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
  return {
    organizationId: values.organizationId ?? onlyOrganizationId,
    name: values.name,
    slug: values.slug || undefined,
    active: values.active,
    grants,
    frontend: values.frontend,
    userId: grants.includes('client_credentials') ? values.userId : null,
    confidential: canBePublicClient(grants) ? values.confidential : true,
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

/** The update body: the API refuses any field but the editable ones. */
export const toUpdateInput = ({
  name,
  slug,
  active,
  redirectUris,
  scopes,
  accessTokenTtl,
  firstParty,
  allowPlainPkce,
  installUrl,
  listed,
  allowedIpRanges,
}: OAuthApplicationInput) => ({
  name,
  slug,
  active,
  redirectUris,
  scopes,
  accessTokenTtl: accessTokenTtl ?? null,
  firstParty,
  allowPlainPkce,
  installUrl: installUrl ?? null,
  listed,
  allowedIpRanges: allowedIpRanges ?? [],
});
