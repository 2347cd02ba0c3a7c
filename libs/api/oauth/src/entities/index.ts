import { RefreshToken } from './refresh-token.entity';
import { RevokedAccessToken } from './revoked-access-token.entity';
import { TokenFamily } from './token-family.entity';

export { RefreshToken, RevokedAccessToken, TokenFamily };

export const oauthEntities = [TokenFamily, RefreshToken, RevokedAccessToken];
