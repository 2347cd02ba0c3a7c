import { AdminSession } from './admin-session.entity';
import { CustomerSession } from './customer-session.entity';
import { CustomerUser } from './customer-user.entity';
import { Membership } from './membership.entity';
import { Organization } from './organization.entity';
import { Role } from './role.entity';
import { SignInFailure } from './sign-in-failure.entity';
import { SsoRequest } from './sso-request.entity';
import { User } from './user.entity';

export { AdminSession, CustomerSession, CustomerUser, Membership, Organization, Role, SignInFailure, SsoRequest, User };
export type { ThrottleScope } from './sign-in-failure.entity';

export const identityEntities = [Organization, Role, User, Membership, CustomerUser, AdminSession, CustomerSession, SignInFailure, SsoRequest];
