import { Injectable } from '@nestjs/common';
import { InsufficientScopeError, InvalidRequestError, InvalidTokenError, MissingTokenError } from '../errors/oauth-errors';
import { userInfoClaims, type UserInfo } from '../openid/claims';
import { Subjects, subjectClaim, subjectIdFromClaim } from '../subjects';
import { AccessTokens } from '../tokens/access-tokens';
import type { ProtocolRequest } from './protocol-server';
import { readParameters } from './token-parameters';

/**
 * GET and POST /oauth2-token/userinfo (OpenID Connect Core 5.3): who the user behind an access
 * token granted `openid` is, as far as its scopes allow. A token of either side is good here: a
 * back-office user's or a customer user's. Refusals are RFC 6750 3.1's.
 */
@Injectable()
export class UserInfoEndpoint {
  constructor(
    private readonly accessTokens: AccessTokens,
    private readonly subjects: Subjects,
  ) {}

  async handle(request: ProtocolRequest): Promise<UserInfo> {
    const access = await this.accessTokens.verify(bearerToken(request));
    const subjectId = access && subjectIdFromClaim(access.application, access.claims.sub);
    if (!access || subjectId === undefined || !(await this.subjects.isActive(access.application, subjectId, access.organizationId))) {
      throw new InvalidTokenError();
    }
    const scopes = access.claims.scope?.split(' ') ?? [];
    if (!scopes.includes('openid')) throw new InsufficientScopeError('openid');
    const person = await this.subjects.person(access.application, subjectId);
    if (!person) throw new InvalidTokenError();
    // Core 5.3.2: the sub of the ID token, which a token from before sub carried the type also gets.
    return userInfoClaims(subjectClaim(access.application, subjectId), person, scopes);
  }
}

/**
 * RFC 6750 2.1 (the Authorization header) or 2.2 (the form body of a POST), one of them only
 * (3.1). Never the query: a token in a URL ends up in logs.
 */
function bearerToken({ headers, body }: ProtocolRequest): string {
  const authorization = headers.authorization;
  const inHeader = authorization !== undefined && /^bearer /i.test(authorization) ? authorization.slice(7).trim() : undefined;
  const formBody = headers['content-type']?.split(';')[0].trim().toLowerCase() === 'application/x-www-form-urlencoded';
  const inBody = formBody ? readParameters(body).get('access_token') : undefined;
  if (inHeader !== undefined && inBody !== undefined) throw new InvalidRequestError('Send the access token once: in the Authorization header or in the body.');
  const token = inHeader || inBody;
  if (!token) throw new MissingTokenError();
  return token;
}
