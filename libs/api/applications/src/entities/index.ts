import { ApplicationUsage } from './application-usage.entity';
import { ClientSecret } from './client-secret.entity';
import { OAuthApplication } from './oauth-application.entity';

export { ApplicationUsage, ClientSecret, OAuthApplication };

export const applicationEntities = [OAuthApplication, ClientSecret, ApplicationUsage];
