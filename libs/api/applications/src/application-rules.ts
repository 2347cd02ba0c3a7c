import type { OAuthApplicationChanges, OAuthApplicationDto, OAuthApplicationInput } from '@keyhouse/shared-contracts';
import { changedUnchangeables, editedFields, ValidationFailedException } from '@keyhouse/api-platform';
import type { CreateApplicationBody, UpdateApplicationBody } from './application.body';

/**
 * The rules of an application that look beyond one field: what each grant and each way of client
 * authentication needs and allows, and what an update may not change. Each field alone is checked
 * by the bodies (application.body.ts).
 */

/** A new application: what the body says, and the defaults for what it leaves out (the slug then comes from the name). */
export type NewApplication = Required<Omit<OAuthApplicationInput, 'organizationId' | 'slug'>> & { organizationId?: number; slug?: string };

export function newApplication(body: CreateApplicationBody): NewApplication {
  const confidential = body.confidential ?? true;
  const application: NewApplication = {
    organizationId: body.organizationId ?? undefined,
    name: body.name,
    slug: body.slug,
    active: body.active ?? true,
    grants: body.grants,
    frontend: body.frontend ?? false,
    userId: body.userId ?? null,
    confidential,
    tokenEndpointAuthMethod: body.tokenEndpointAuthMethod ?? (confidential ? 'client_secret_basic' : 'none'),
    jwks: body.jwks ?? null,
    jwksUri: body.jwksUri ?? null,
    redirectUris: body.redirectUris ?? [],
    scopes: body.scopes ?? [],
    accessTokenTtl: body.accessTokenTtl ?? null,
    firstParty: body.firstParty ?? false,
    allowPlainPkce: body.allowPlainPkce ?? false,
    installUrl: body.installUrl ?? null,
    listed: body.listed ?? false,
    allowedIpRanges: body.allowedIpRanges ?? [],
  };
  refuseIfAny({ ...grantRuleErrors(application), ...clientAuthenticationErrors(application) });
  return application;
}

/**
 * The settings an update changes. The rest of the record may be sent back (react-admin sends it
 * whole) but never with a different value; server state it sends back never reaches this.
 */
export function applicationChanges(body: UpdateApplicationBody, current: OAuthApplicationDto): OAuthApplicationChanges {
  // What is left once the unchangeable fields are set aside are the settings, each checked by the body.
  const changes = editedFields(body) as OAuthApplicationChanges;
  const changed = { ...current, ...changes };
  refuseIfAny({ ...grantRuleErrors(changed), ...clientAuthenticationErrors(changed), ...changedUnchangeables(body, current) });
  return changes;
}

/** What the grants need and allow, one message per field. */
function grantRuleErrors(application: NewApplication): Record<string, string> {
  const errors: Record<string, string> = {};
  const grants = new Set(application.grants);
  if (grants.has('client_credentials') && application.userId === null) {
    errors['userId'] = 'Choose the user this application acts as (required for Client Credentials).';
  }
  if (grants.has('authorization_code') && application.redirectUris.length === 0) {
    errors['redirectUris'] = 'Add at least one redirect URI (required for Authorization Code).';
  }
  if (!grants.has('authorization_code')) {
    if (application.redirectUris.length > 0) errors['redirectUris'] = 'Redirect URIs are only used by the Authorization Code grant.';
    const onlyForCodes = 'is only used by the Authorization Code grant.';
    if (application.firstParty) errors['firstParty'] = `Skipping consent ${onlyForCodes}`;
    if (application.allowPlainPkce) errors['allowPlainPkce'] = `The plain PKCE method ${onlyForCodes}`;
    if (application.installUrl !== null) errors['installUrl'] = `An install URL ${onlyForCodes}`;
    if (application.listed) errors['listed'] = `Listing in the marketplace ${onlyForCodes}`;
  }
  if (application.listed && application.frontend) {
    errors['listed'] ??= 'Storefront applications are not installed by organizations: only back-office applications can be listed.';
  }
  if (!grants.has('client_credentials') && application.allowedIpRanges.length > 0) {
    errors['allowedIpRanges'] = 'IP ranges only restrict the Client Credentials grant.';
  }
  if (!application.confidential && (grants.size !== 1 || !grants.has('authorization_code'))) {
    errors['confidential'] = 'A public client has no secret, so it can only use Authorization Code (with PKCE).';
  }
  return errors;
}

/**
 * What each way of client authentication needs: a public client is `none` and nothing else is; a
 * private_key_jwt client has its public keys in exactly one place (OpenID Connect Dynamic Client
 * Registration 1.0 2: jwks_uri and jwks "MUST NOT both be present"), and no other client has any.
 */
function clientAuthenticationErrors({ confidential, tokenEndpointAuthMethod, jwks, jwksUri }: ClientAuthentication): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!confidential && tokenEndpointAuthMethod !== 'none') {
    errors['tokenEndpointAuthMethod'] = 'A public client proves itself with PKCE alone: its client authentication is none.';
  }
  if (confidential && tokenEndpointAuthMethod === 'none') {
    errors['tokenEndpointAuthMethod'] = 'Only a public client authenticates with none: a confidential one has a secret or its own key.';
  }
  if (tokenEndpointAuthMethod !== 'private_key_jwt') {
    const onlyForKeys = 'Public keys are only used by private_key_jwt client authentication.';
    if (jwks !== null) errors['jwks'] = onlyForKeys;
    if (jwksUri !== null) errors['jwksUri'] = onlyForKeys;
  } else if (jwks !== null && jwksUri !== null) {
    errors['jwksUri'] = 'Give the JWK Set or its URL, not both.';
  } else if (jwks === null && jwksUri === null) {
    errors['jwks'] = 'Give the public keys the application signs with: a JWK Set, or the URL where it publishes one.';
  }
  return errors;
}

type ClientAuthentication = Pick<NewApplication, 'confidential' | 'tokenEndpointAuthMethod' | 'jwks' | 'jwksUri'>;

function refuseIfAny(errors: Record<string, string>): void {
  if (Object.keys(errors).length) throw new ValidationFailedException(errors);
}
