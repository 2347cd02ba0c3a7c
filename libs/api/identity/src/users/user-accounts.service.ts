import { ForbiddenException, Injectable } from '@nestjs/common';
import { isDuplicateKeyError } from '@keyhouse/api-persistence';
import { isUsername, USERNAME_RULE } from '@keyhouse/shared-contracts';
import {
  AuditTrail,
  changedFields,
  changedUnchangeables,
  fieldProblems,
  inScope,
  isEmailAddress,
  isNewPassword,
  malformedFirst,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  NOT_AN_EMAIL,
  Reach,
  ValidationFailedException,
  type BackOfficeCaller,
} from '@keyhouse/api-platform';
import { DataSource, Not, type EntityManager } from 'typeorm';
import { accountChanges } from '../account-changes';
import { reachOf } from '../access/user-reach';
import { toUserDto } from '../dto';
import { Role, User } from '../entities';
import { existingOrganizations, findOrganization } from '../organizations/find-organization';
import { generatePassword } from '../passwords/generate-password';
import { PasswordHasher } from '../passwords/password-hasher';
import { membershipInputs, requestedMemberships, resolveMemberships, type MembershipInput, type ResolvedMemberships } from './membership-input';
import { setMemberships, type MembershipGrant } from './memberships';
import { USER_NOT_CREATED, USER_NOT_SAVED, type CreateUserBody, type UpdateUserBody } from './user-bodies';
import { UsersService } from './users.service';

export interface NewUser {
  username: string;
  email: string;
  /** Omitted: a strong one is generated and returned once. */
  password?: string;
  /** The organization's id or exact name. */
  organization: string;
  /** The role's name (`ROLE_ADMINISTRATOR`) or label (`Administrator`), in any case. */
  role: string;
}

export interface CreatedUser {
  user: User;
  /** Only when it was generated: the one and only time anyone sees it. */
  generatedPassword?: string;
}

const USERNAME_TAKEN = 'This username is already taken.';
const EMAIL_IN_USE = 'This email address is already used.';
const OUTSIDE_YOUR_ORGANIZATIONS = 'Choose one or more of your organizations.';
const BEYOND_REACH = 'This user may do more than you may: only someone who may do all of it can change them.';

/** The problems with the fields of a user created at the command line, each at its field; an empty object when there are none. */
export function checkNewUserFields({ username, email, password }: Pick<NewUser, 'username' | 'email' | 'password'>): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!isUsername(username.trim())) errors['username'] = USERNAME_RULE;
  if (!isEmailAddress(email)) errors['email'] = NOT_AN_EMAIL;
  if (password !== undefined && !isNewPassword(password)) {
    errors['password'] = `Use ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters, or leave it out to have one generated.`;
  }
  return errors;
}

/** Stored lower-case: sign-in matches either name the same way on MySQL and SQLite. */
const signInName = (name: string): string => name.trim().toLowerCase();

/** A new account once its memberships are found. */
interface NewAccount {
  username: string;
  email: string;
  password?: string;
  firstName: string;
  lastName: string;
  platformOperator: boolean;
  grants: MembershipGrant[];
  /** Role names by organization, for the audit trail. */
  memberships: MembershipInput[];
}

/**
 * Creates and edits back-office users, for operators at the command line (`npm run keyhouse --
 * users create`) and from the back-office API, by one path with one rule: nobody creates,
 * changes or gives roles to a user who may do more than they may themselves (Reach.covers).
 */
@Injectable()
export class UserAccountsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditTrail,
    private readonly users: UsersService,
  ) {}

  /** The operator's way: one organization and one role, by id or name; a password is generated when left out. */
  async create(input: NewUser): Promise<CreatedUser> {
    const errors = checkNewUserFields(input);
    const organization = await findOrganization(this.dataSource.manager, input.organization);
    if (!organization) errors['organization'] = `There is no organization with the id or name "${input.organization}".`;
    const roles = await this.dataSource.getRepository(Role).find({ order: { name: 'ASC' } });
    const assignable = roles.filter((role) => role.organizationId === null || role.organizationId === organization?.id);
    const role = assignable.find((candidate) => [candidate.name, candidate.label].some((name) => name.toLowerCase() === input.role.trim().toLowerCase()));
    if (!role) errors['role'] = `Choose one of ${assignable.map((candidate) => candidate.name).join(', ')}.`;
    const memberships = organization && role ? [{ organizationId: organization.id, roles: [role.name] }] : [];
    const grants = organization && role ? [{ organizationId: organization.id, roleIds: [role.id] }] : [];
    return this.createAccount({ ...input, firstName: '', lastName: '', platformOperator: false, grants, memberships }, errors, null);
  }

  /**
   * The console's way: memberships only in organizations where the caller may create users, with
   * roles the caller holds there; a platform operator only by an operator. One answer names every
   * problem: those the body's fields had (they are left out of it) and these.
   */
  async createFor(caller: BackOfficeCaller, body: CreateUserBody): Promise<User> {
    const errors = fieldProblems(body);
    const platformOperator = body.platformOperator ?? false;
    if (platformOperator && !caller.reach.platformOperator) errors['platformOperator'] = 'Only a platform operator can make someone a platform operator.';
    const requested = requestedMemberships(body, errors);
    let grants: MembershipGrant[] = [];
    if (requested) {
      const { memberships, field } = requested;
      const ids = memberships.map((membership) => membership.organizationId);
      const allowed = ids.length ? await this.mayAddUsersIn(caller, ids) : platformOperator;
      if (!allowed) errors[field === 'roles' ? 'organizationIds' : 'memberships'] = OUTSIDE_YOUR_ORGANIZATIONS;
      const resolved = await resolveMemberships(this.dataSource.manager, memberships, caller.reach);
      reportRoleProblems(resolved, field, errors);
      grants = resolved.grants;
    }
    const { username, email, password, firstName, lastName } = body;
    const account = { username, email, password, firstName: firstName ?? '', lastName: lastName ?? '', platformOperator, grants, memberships: requested?.memberships ?? [] };
    const { user } = await this.createAccount(account, errors, caller.userId);
    return user;
  }

  /**
   * The console's edit: names, email, whether the account may sign in, its memberships in the
   * organizations the caller manages, and (operators only) whether it is a platform operator. A
   * disabled user's sessions and access tokens are refused from the next request on, and so are
   * the tokens of applications acting as them. Nobody disables or demotes themselves: the last
   * administrator could lock everyone out.
   */
  async updateFor(caller: BackOfficeCaller, id: number, body: UpdateUserBody): Promise<void> {
    const user = await this.editable(caller, id).catch(malformedFirst(body, USER_NOT_SAVED));
    const errors = fieldProblems(body);
    const { platformOperator } = body;
    const memberships = body.memberships && membershipInputs(body.memberships);
    const before = toUserDto(user, caller.reach.organizationsWith('users.view'));
    // Organizations and roles are read from the memberships: sent beside changed memberships they
    // are the old record's echo; beside unchanged ones, a change to them is refused at its field.
    const membershipsChanged = memberships !== undefined && !sameMemberships(memberships, before.memberships);
    const unchangeable = changedUnchangeables(body, before);
    if (membershipsChanged) for (const name of ['organizationIds', 'roles']) delete unchangeable[name];
    Object.assign(errors, unchangeable);
    // A user's language is theirs to choose: an echo of the record here, not an edit.
    const { email, firstName, lastName, enabled } = body;
    const changes = accountChanges({ email, firstName, lastName, enabled }, user);
    if (changes.enabled === false && user.id === caller.userId) errors['enabled'] = 'You cannot disable your own account.';
    if (platformOperator !== undefined && platformOperator !== user.platformOperator) {
      if (!caller.reach.platformOperator) errors['platformOperator'] = 'Only a platform operator can change who is a platform operator.';
      else if (user.id === caller.userId) errors['platformOperator'] = 'You cannot change your own platform operator status.';
    }
    if (changes.email !== undefined && (await this.nameInUse(changes.email, user.id))) errors['email'] = EMAIL_IN_USE;
    const membershipChange = membershipsChanged ? await this.membershipChange(caller, user, memberships, errors) : undefined;
    if (Object.keys(errors).length) throw new ValidationFailedException(errors, USER_NOT_SAVED);

    const operatorChange = platformOperator !== undefined && platformOperator !== user.platformOperator ? { platformOperator } : {};
    const after = { ...changes, ...operatorChange, ...(membershipChange ? { memberships: membershipChange.shown } : {}) };
    const diff = changedFields({ ...before }, after);
    if (!diff.after || Object.keys(diff.after).length === 0) return;
    try {
      await this.dataSource.transaction(async (db) => {
        if (Object.keys(changes).length || 'platformOperator' in operatorChange) await db.getRepository(User).update({ id: user.id }, { ...changes, ...operatorChange });
        if (membershipChange) await setMemberships(db, user.id, membershipChange.managed, membershipChange.grants);
        // It concerns the organizations the user was in and those they are in now.
        const organizationIds = [...user.memberships, ...(membershipChange?.grants ?? [])].map((membership) => membership.organizationId);
        await this.audit.record({ action: 'user.updated', actorUserId: caller.userId, target: { type: 'user', id: user.id, name: user.username }, organizationIds, ...diff }, db);
      });
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new ValidationFailedException({ email: 'This email address was taken meanwhile.' }, USER_NOT_SAVED);
      throw error;
    }
  }

  /** A user the caller sees, all of whose organizations they manage, and who may do no more than they may. */
  private async editable(caller: BackOfficeCaller, id: number): Promise<User> {
    const user = await this.users.get(caller, id);
    if (user.memberships.some(({ organizationId }) => !caller.reach.can('users.edit', organizationId))) {
      throw new ForbiddenException({ message: 'You need the "users.edit" permission in every organization this user belongs to.' });
    }
    if (!caller.reach.covers(reachOf(user))) throw new ForbiddenException({ message: BEYOND_REACH });
    return user;
  }

  /**
   * The memberships wanted in the organizations the caller manages (where they may edit users);
   * memberships elsewhere are kept, and may only be sent back as they are. The user's reach
   * afterwards must still be within the caller's.
   */
  private async membershipChange(caller: BackOfficeCaller, user: User, wanted: MembershipInput[], errors: Record<string, string>) {
    const managedScope = caller.reach.organizationsWith('users.edit');
    const current = user.memberships.map((membership) => ({ organizationId: membership.organizationId, roles: membership.roles.map((role) => role.name).sort() }));
    const same = (a: MembershipInput, b: MembershipInput | undefined) => b !== undefined && JSON.stringify([...a.roles].sort()) === JSON.stringify(b.roles);
    const existing = await existingOrganizations(this.dataSource.manager, wanted.map((membership) => membership.organizationId));
    const outside = wanted.filter(({ organizationId }) => !inScope(managedScope, organizationId) || !existing.has(organizationId));
    if (outside.some((membership) => !same(membership, current.find((held) => held.organizationId === membership.organizationId)))) {
      errors['memberships'] = 'You can only change memberships in organizations where you may edit users.';
      return undefined;
    }
    const managed = managedScope === 'all' ? current.map((membership) => membership.organizationId) : [...managedScope];
    const inside = wanted.filter(({ organizationId }) => inScope(managedScope, organizationId));
    const kept = current.filter(({ organizationId }) => !inScope(managedScope, organizationId));
    const resolved = await resolveMemberships(this.dataSource.manager, [...kept, ...inside], caller.reach);
    reportRoleProblems({ ...resolved, beyond: resolved.beyond.filter((name) => inside.some((membership) => membership.roles.includes(name))) }, 'memberships', errors);
    if (!errors['memberships'] && !caller.reach.covers(user.platformOperator ? Reach.operator() : resolved.reach)) errors['memberships'] = BEYOND_REACH;
    const grants = resolved.grants.filter(({ organizationId }) => inScope(managedScope, organizationId));
    const visible = caller.reach.organizationsWith('users.view');
    const shown = [...kept, ...inside].filter(({ organizationId }) => inScope(visible, organizationId)).map(({ organizationId, roles }) => ({ organizationId, roles: [...roles].sort() })).sort((a, b) => a.organizationId - b.organizationId);
    return { managed: [...new Set([...managed, ...inside.map((membership) => membership.organizationId)])], grants, shown };
  }

  private async createAccount(account: NewAccount, errors: Record<string, string>, actorUserId: number | null): Promise<CreatedUser> {
    // One sign-in field takes either name, so neither may equal another user's username or email.
    // A name with a problem of its own was left out of the request's body: it is not looked up.
    if (!errors['username'] && (await this.nameInUse(signInName(account.username)))) errors['username'] = USERNAME_TAKEN;
    if (!errors['email'] && (await this.nameInUse(signInName(account.email)))) errors['email'] = EMAIL_IN_USE;
    if (Object.keys(errors).length) throw new ValidationFailedException(errors, USER_NOT_CREATED);
    const username = signInName(account.username);
    const email = signInName(account.email);

    const generatedPassword = account.password === undefined ? generatePassword() : undefined;
    const passwordHash = await this.hasher.hash(account.password ?? generatedPassword ?? '');
    const fields = { username, email, firstName: account.firstName.trim(), lastName: account.lastName.trim(), enabled: true, platformOperator: account.platformOperator };
    try {
      const id = await this.dataSource.transaction(async (db) => {
        const saved = await db.getRepository(User).save({ ...fields, passwordHash });
        await setMemberships(db, saved.id, [], account.grants);
        await this.audit.record(
          {
            action: 'user.created',
            actorUserId,
            target: { type: 'user', id: saved.id, name: username },
            organizationIds: account.grants.map((grant) => grant.organizationId),
            after: { ...fields, memberships: account.memberships },
          },
          db,
        );
        return saved.id;
      });
      return { user: await this.findWithMemberships(this.dataSource.manager, id), generatedPassword };
    } catch (error) {
      // Someone created the same name between the check and the insert.
      if (isDuplicateKeyError(error)) throw new ValidationFailedException({ username: 'This username or email address was taken meanwhile.' }, USER_NOT_CREATED);
      throw error;
    }
  }

  private findWithMemberships(db: EntityManager, id: number): Promise<User> {
    return db.getRepository(User).findOneOrFail({ where: { id }, relations: { memberships: { roles: true, organization: true } } });
  }

  /** Whether the caller may create users in each of these organizations, and each exists (an operator's reach takes in any id). */
  private async mayAddUsersIn(caller: BackOfficeCaller, organizationIds: number[]): Promise<boolean> {
    if (!organizationIds.every((organizationId) => caller.reach.can('users.create', organizationId))) return false;
    const existing = await existingOrganizations(this.dataSource.manager, organizationIds);
    return organizationIds.every((organizationId) => existing.has(organizationId));
  }

  /** Whether another user (not `exceptId`) signs in with this name, as username or email. */
  private async nameInUse(name: string, exceptId?: number): Promise<boolean> {
    const others = exceptId === undefined ? {} : { id: Not(exceptId) };
    return this.dataSource.getRepository(User).exists({ where: [{ username: name, ...others }, { email: name, ...others }] });
  }
}

function sameMemberships(a: MembershipInput[], b: MembershipInput[]): boolean {
  const normal = (memberships: MembershipInput[]) => JSON.stringify(memberships.map(({ organizationId, roles }) => [organizationId, [...roles].sort()]).sort());
  return normal(a) === normal(b);
}

/** Unknown roles, and roles that would give more than the caller holds, at the field the roles came in. */
function reportRoleProblems(resolved: Pick<ResolvedMemberships, 'problem' | 'beyond'>, field: 'memberships' | 'roles', errors: Record<string, string>): void {
  if (errors[field]) return;
  if (resolved.problem) errors[field] = resolved.problem;
  else if (resolved.beyond.length) errors[field] = `You cannot grant ${resolved.beyond.join(', ')}: it allows more than you may do.`;
}
