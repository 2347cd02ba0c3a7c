import { Injectable } from '@nestjs/common';
import { isDuplicateKeyError } from '@keyhouse/api-persistence';
import { AuditTrail, changedFields, fieldsOf, unknownFieldErrors, ValidationFailedException } from '@keyhouse/api-platform';
import { DataSource, In, Not } from 'typeorm';
import { readAccountChanges } from '../account-changes';
import { isEmailAddress, NOT_AN_EMAIL } from '../account-fields';
import { toUserDto } from '../dto';
import { Organization, Role, User } from '../entities';
import type { BackOfficePrincipal } from '../session/principal';
import { findOrganization } from '../organizations/find-organization';
import { generatePassword } from '../passwords/generate-password';
import { PasswordHasher } from '../passwords/password-hasher';

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

const USERNAME = /^[A-Za-z0-9._@-]{1,180}$/;
const MIN_PASSWORD_LENGTH = 12;
const MAX_PASSWORD_LENGTH = 1024;
const USERNAME_TAKEN = 'This username is already taken.';
const NOT_SAVED = 'The user was not saved.';

const USER_SHAPE = {
  editable: ['email', 'firstName', 'lastName', 'enabled'],
  readOnly: {
    id: 'The id is set by the server.',
    username: 'The username cannot be changed.',
    locale: 'Users choose the language of their emails themselves.',
    organizationIds: 'Organizations cannot be changed here.',
    roles: 'Roles cannot be changed here.',
    createdAt: 'The creation date is set by the server.',
  },
  refused: NOT_SAVED,
} as const;

/** The problems with a new user's own fields, each at its field; an empty object when there are none. */
export function checkNewUserFields({ username, email, password }: Pick<NewUser, 'username' | 'email' | 'password'>): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!USERNAME.test(username.trim())) errors['username'] = 'Use 1 to 180 letters, digits, dots, dashes, underscores or @.';
  if (!isEmailAddress(email)) errors['email'] = NOT_AN_EMAIL;
  if (password !== undefined && (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH)) {
    errors['password'] = `Use ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters, or leave it out to have one generated.`;
  }
  return errors;
}

/** A new account once its organizations and roles are found. */
interface NewAccount {
  username: string;
  email: string;
  password?: string;
  firstName: string;
  lastName: string;
  organizations: Organization[];
  roles: Role[];
}

/**
 * Creates back-office users: for operators at the command line (`npm run keyhouse -- users
 * create`) and from the back-office API (`POST /admin/api/users`), by one path with one set of
 * rules, audited in the same transaction.
 */
@Injectable()
export class UserAccountsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditTrail,
  ) {}

  /** The operator's way: one organization and one role, by id or name; a password is generated when left out. */
  async create(input: NewUser): Promise<CreatedUser> {
    const errors = checkNewUserFields(input);
    const organization = await findOrganization(this.dataSource.manager, input.organization);
    if (!organization) errors['organization'] = `There is no organization with the id or name "${input.organization}".`;
    const roles = await this.dataSource.getRepository(Role).find({ order: { name: 'ASC' } });
    const role = roles.find((candidate) => [candidate.name, candidate.label].some((name) => name.toLowerCase() === input.role.trim().toLowerCase()));
    if (!role) errors['role'] = `Choose one of ${roles.map((candidate) => candidate.name).join(', ')}.`;
    const account = { ...input, firstName: '', lastName: '', organizations: organization ? [organization] : [], roles: role ? [role] : [] };
    return this.createAccount(account, errors, null);
  }

  /**
   * The console's way: the caller's own organizations only, and only roles whose every
   * permission the caller holds (creating a user must never grant more than one has).
   */
  async createFor(principal: BackOfficePrincipal, body: unknown): Promise<User> {
    const { input, errors: bodyErrors } = readUserInput(body);
    const errors = { ...bodyErrors, ...checkNewUserFields(input) };
    // The API has no generated password: say only what it takes.
    if (errors['password']) errors['password'] = `Use ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters.`;
    const outside = input.organizationIds.filter((id) => !principal.organizationIds.includes(id));
    if (input.organizationIds.length === 0 || outside.length) errors['organizationIds'] = 'Choose one or more of your organizations.';
    const organizations = outside.length ? [] : await this.dataSource.getRepository(Organization).findBy({ id: In(input.organizationIds) });
    const roles = await this.dataSource.getRepository(Role).findBy({ name: In(input.roles.length ? input.roles : ['']) });
    const unknown = input.roles.filter((name) => !roles.some((role) => role.name === name));
    const beyond = roles.filter((role) => role.permissions.some((permission) => !principal.permissions.has(permission)));
    if (unknown.length) errors['roles'] = `Unknown role: ${unknown.join(', ')}.`;
    else if (beyond.length) errors['roles'] = `You cannot grant ${beyond.map((role) => role.name).join(', ')}: it allows more than you may do.`;
    const { user } = await this.createAccount({ ...input, organizations, roles }, errors, principal.user.id);
    return user;
  }

  /**
   * The console's edit: names, email, and whether the account may sign in. A disabled user's
   * sessions and access tokens are refused from the next request on (each is checked against
   * `enabled`), and so are the tokens of applications acting as them. Nobody disables themselves:
   * the last administrator could lock everyone out.
   */
  async updateFor(principal: BackOfficePrincipal, user: User, body: unknown): Promise<void> {
    const before = toUserDto(user);
    const changes = readAccountChanges(body, { ...before }, USER_SHAPE);
    const errors: Record<string, string> = {};
    if (changes.enabled === false && user.id === principal.user.id) errors['enabled'] = 'You cannot disable your own account.';
    if (changes.email !== undefined && (await this.nameInUse(changes.email, user.id))) errors['email'] = 'This email address is already used.';
    if (Object.keys(errors).length) throw new ValidationFailedException(errors, NOT_SAVED);
    if (Object.keys(changes).length === 0) return;
    try {
      await this.dataSource.transaction(async (db) => {
        await db.getRepository(User).update({ id: user.id }, changes);
        await this.audit.record(
          {
            action: 'user.updated',
            actorUserId: principal.user.id,
            target: { type: 'user', id: user.id, name: user.username },
            organizationId: user.organizations[0]?.id ?? null,
            ...changedFields({ ...before }, { ...changes }),
          },
          db,
        );
      });
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new ValidationFailedException({ email: 'This email address was taken meanwhile.' }, NOT_SAVED);
      throw error;
    }
  }

  private async createAccount(account: NewAccount, errors: Record<string, string>, actorUserId: number | null): Promise<CreatedUser> {
    // Stored lower-case: sign-in matches either name the same way on MySQL and SQLite.
    const username = account.username.trim().toLowerCase();
    const email = account.email.trim().toLowerCase();
    // One sign-in field takes either name, so neither may equal another user's username or email.
    if (!errors['username'] && (await this.nameInUse(username))) errors['username'] = USERNAME_TAKEN;
    if (!errors['email'] && (await this.nameInUse(email))) errors['email'] = 'This email address is already used.';
    if (Object.keys(errors).length) throw new ValidationFailedException(errors, 'The user was not created.');

    const generatedPassword = account.password === undefined ? generatePassword() : undefined;
    const passwordHash = await this.hasher.hash(account.password ?? generatedPassword ?? '');
    const fields = { username, email, firstName: account.firstName.trim(), lastName: account.lastName.trim(), enabled: true };
    try {
      const user = await this.dataSource.transaction(async (db) => {
        const saved = await db.getRepository(User).save({ ...fields, passwordHash, organizations: account.organizations, roles: account.roles });
        await this.audit.record(
          {
            action: 'user.created',
            actorUserId,
            target: { type: 'user', id: saved.id, name: username },
            // Every organization's admins should see it; the first one scopes the row.
            organizationId: account.organizations[0]?.id ?? null,
            after: { ...fields, organizationIds: account.organizations.map((o) => o.id), roles: account.roles.map((r) => r.name) },
          },
          db,
        );
        return saved;
      });
      return { user, generatedPassword };
    } catch (error) {
      // Someone created the same name between the check and the insert.
      if (isDuplicateKeyError(error)) throw new ValidationFailedException({ username: 'This username or email address was taken meanwhile.' }, 'The user was not created.');
      throw error;
    }
  }

  /** Whether another user (not `exceptId`) signs in with this name, as username or email. */
  private async nameInUse(name: string, exceptId?: number): Promise<boolean> {
    const others = exceptId === undefined ? {} : { id: Not(exceptId) };
    return this.dataSource.getRepository(User).exists({ where: [{ username: name, ...others }, { email: name, ...others }] });
  }
}

const USER_FIELDS = ['username', 'email', 'password', 'firstName', 'lastName', 'organizationIds', 'roles'];

type UserInput = Omit<NewAccount, 'organizations' | 'roles'> & { password: string; organizationIds: number[]; roles: string[] };

/** A `POST /admin/api/users` body, and its problems: reported with the others, each at its field. */
function readUserInput(raw: unknown): { input: UserInput; errors: Record<string, string> } {
  const body = fieldsOf(raw);
  const errors = unknownFieldErrors(body, USER_FIELDS);
  const text = (name: string, max: number, required: boolean) => {
    const value = body[name] ?? (required ? undefined : '');
    if (typeof value !== 'string' || value.length > max) errors[name] = required ? 'Required.' : `Use at most ${max} characters.`;
    return typeof value === 'string' ? value : '';
  };
  const ids = Array.isArray(body['organizationIds']) ? body['organizationIds'] : [];
  if (!Array.isArray(body['organizationIds']) || !ids.every((id) => Number.isSafeInteger(id) && (id as number) > 0)) errors['organizationIds'] = 'Give a list of organization ids.';
  const roles = Array.isArray(body['roles']) ? body['roles'] : [];
  if (!Array.isArray(body['roles']) || !roles.every((role) => typeof role === 'string')) errors['roles'] = 'Give a list of role names.';
  const input = {
    username: text('username', 180, true),
    email: text('email', 255, true),
    password: text('password', MAX_PASSWORD_LENGTH, true),
    firstName: text('firstName', 100, false),
    lastName: text('lastName', 100, false),
    organizationIds: [...new Set(ids as number[])],
    roles: [...new Set(roles as string[])],
  };
  return { input, errors };
}
