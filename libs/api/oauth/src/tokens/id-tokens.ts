import { Inject, Injectable } from '@nestjs/common';
import type { ProtocolClient } from '../clients/protocol-client';
import { OAUTH_OPTIONS, type OAuthOptions } from '../oauth-options';
import { subjectClaim } from '../subjects';
import { AccessTokens } from './access-tokens';
import { signJwt } from './jwt';

/** What the authorization request and the sign-in behind a code tell the ID token. */
export interface Authentication {
  /** The authorization request's nonce, if it sent one (OpenID Connect Core 3.1.2.1). */
  nonce: string | undefined;
  /** When the user signed in; unknown only for a code that no sign-in session asked for. */
  authTime: Date | undefined;
}

/**
 * OpenID Connect Core 2: who signed in, when, for which client. Signed like access tokens (the
 * current key, with its algorithm: id_token_signing_alg_values_supported says which) but
 * typed `JWT`, so one can never pass for the other (access tokens are `at+jwt`, RFC 9068 4).
 */
@Injectable()
export class IdTokens {
  constructor(
    private readonly accessTokens: AccessTokens,
    @Inject(OAUTH_OPTIONS) private readonly options: OAuthOptions,
  ) {}

  /** Lives as long as the access token it comes with. */
  issue(client: ProtocolClient, subjectId: number, { nonce, authTime }: Authentication, lifetime: number): string {
    const key = this.accessTokens.signingKey();
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      iss: this.options.issuer,
      sub: subjectClaim(client, subjectId),
      aud: client.clientId,
      exp: now + lifetime,
      iat: now,
      ...(authTime ? { auth_time: Math.floor(authTime.getTime() / 1000) } : {}),
      ...(nonce !== undefined ? { nonce } : {}),
      // Core 2: the party the token was issued to, here its one audience.
      azp: client.clientId,
    };
    return signJwt('JWT', claims, key);
  }
}
