import { ClientSecret } from './client-secret.entity';
import { OAuthApplication } from './oauth-application.entity';

export { ClientSecret, OAuthApplication };

export const applicationEntities = [OAuthApplication, ClientSecret];
