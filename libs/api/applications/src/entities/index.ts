import { ApplicationUsage } from './application-usage.entity';
import { ClientAuthThrottle } from './client-auth-throttle.entity';
import { ClientSecret } from './client-secret.entity';
import { OAuthApplication } from './oauth-application.entity';

export { ApplicationUsage, ClientAuthThrottle, ClientSecret, OAuthApplication };

export const applicationEntities = [OAuthApplication, ClientSecret, ApplicationUsage, ClientAuthThrottle];
