import { AdminSession } from './admin-session.entity';
import { CustomerSession } from './customer-session.entity';
import { CustomerUser } from './customer-user.entity';
import { Organization } from './organization.entity';
import { Role } from './role.entity';
import { SignInFailure } from './sign-in-failure.entity';
import { User } from './user.entity';

export { AdminSession, CustomerSession, CustomerUser, Organization, Role, SignInFailure, User };
export type { ThrottleScope } from './sign-in-failure.entity';

export const identityEntities = [Organization, Role, User, CustomerUser, AdminSession, CustomerSession, SignInFailure];
