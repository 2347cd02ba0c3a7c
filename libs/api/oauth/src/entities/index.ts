import { AuthorizationCode } from './authorization-code.entity';
import { Installation } from './installation.entity';
import { RefreshToken } from './refresh-token.entity';
import { RevokedAccessToken } from './revoked-access-token.entity';
import { TokenFamily } from './token-family.entity';
import { UsedClientAssertion } from './used-client-assertion.entity';

export { AuthorizationCode, Installation, RefreshToken, RevokedAccessToken, TokenFamily, UsedClientAssertion };

export const oauthEntities = [TokenFamily, RefreshToken, RevokedAccessToken, Installation, AuthorizationCode, UsedClientAssertion];
