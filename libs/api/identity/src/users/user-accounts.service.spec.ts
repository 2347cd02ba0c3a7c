import { BodyValidationPipe, Reach, type AuditTrail } from '@keyhouse/api-platform';
import type { DataSource } from 'typeorm';
import { Role } from '../entities';
import { PasswordHasher } from '../passwords/password-hasher';
import { checkNewUserFields, UserAccountsService } from './user-accounts.service';
import { CreateUserBody } from './user-bodies';
import { UsersService } from './users.service';

describe('checkNewUserFields', () => {
  const valid = { username: 'ann.lee', email: 'ann@example.com' };

  it('accepts a plain username and email, with or without a password', () => {
    expect(checkNewUserFields(valid)).toEqual({});
    expect(checkNewUserFields({ ...valid, password: 'twelve chars' })).toEqual({});
  });

  it('reports every problem at once, each at its field', () => {
    expect(checkNewUserFields({ username: 'ann lee', email: 'not-an-email', password: 'short' })).toEqual({
      username: expect.stringContaining('1 to 180 letters'),
      email: 'Enter an email address.',
      password: expect.stringContaining('12 to 1024 characters'),
    });
  });

  it('refuses an empty username and an overlong password', () => {
    expect(checkNewUserFields({ ...valid, username: '' })).toHaveProperty('username');
    expect(checkNewUserFields({ ...valid, password: 'x'.repeat(1025) })).toHaveProperty('password');
  });
});

describe('UserAccountsService.createFor', () => {
  it('looks no role up when the roles sent are not names (the fuzzer saw the lookup run with objects)', async () => {
    const looked: unknown[] = [];
    const repository = (entity: unknown) => {
      looked.push(entity);
      return { exists: async () => false, findBy: async () => [], find: async () => [] };
    };
    const dataSource = { getRepository: repository, manager: { getRepository: repository } } as unknown as DataSource;
    const accounts = new UserAccountsService(dataSource, new PasswordHasher(), {} as AuditTrail, new UsersService(dataSource));
    const sent = { username: 'ann', email: 'ann@example.com', password: 'a-long-enough-password', organizationIds: [1], roles: [{}] };
    const body = (await new BodyValidationPipe().transform(sent, { type: 'body', metatype: CreateUserBody })) as CreateUserBody;

    await expect(accounts.createFor({ userId: 1, reach: Reach.operator() }, body)).rejects.toMatchObject({ errors: { roles: 'Give a list of role names.' } });
    expect(looked).not.toContain(Role);
  });
});
