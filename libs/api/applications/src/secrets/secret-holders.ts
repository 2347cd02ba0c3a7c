import { usesClientSecret } from '@keyhouse/shared-contracts';
import { ValidationFailedException } from '@keyhouse/api-platform';
import type { OAuthApplication } from '../entities';

/**
 * Refuses to give `application` a secret when it proves itself without one: a public client with
 * PKCE, a private_key_jwt client with its own key. `nothingTo` ends "has no ...".
 */
export function assertHasSecrets(application: Pick<OAuthApplication, 'confidential' | 'tokenEndpointAuthMethod'>, nothingTo: string): void {
  if (!application.confidential) {
    throw new ValidationFailedException({ confidential: 'A public client has no secret.' }, `A public client has no ${nothingTo}.`);
  }
  if (!usesClientSecret(application.tokenEndpointAuthMethod)) {
    throw new ValidationFailedException(
      { tokenEndpointAuthMethod: 'It authenticates with private_key_jwt: it signs its assertions with its own key and has no secret.' },
      `An application using private_key_jwt has no ${nothingTo}.`,
    );
  }
}
