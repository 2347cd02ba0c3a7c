import { Inject, Injectable } from '@nestjs/common';
import { isDuplicateKeyError } from '@keyhouse/api-persistence';
import { DataSource } from 'typeorm';
import { Organization, Role, User } from '../entities';
import { IDENTITY_OPTIONS, type IdentityOptions } from '../identity-options';
import { generatePassword } from '../passwords/generate-password';
import { PasswordHasher } from '../passwords/password-hasher';
import { setMemberships } from '../users/memberships';

export const DEFAULT_ORGANIZATION = 'Default Organization';

export interface SeededAdmin {
  username: string;
  /** Only when it was generated: the one and only time anyone sees it. */
  generatedPassword?: string;
}

/** Gives an empty database its first organization and administrator, a platform operator, so the console can be entered. */
@Injectable()
export class FirstAdminSeeder {
  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    @Inject(IDENTITY_OPTIONS) private readonly options: IdentityOptions,
  ) {}

  /** Does nothing when any user exists; two instances starting at once create one admin. */
  async seedIfEmpty(): Promise<SeededAdmin | undefined> {
    if ((await this.dataSource.getRepository(User).count()) > 0) return undefined;
    const { username, email, password } = this.options.firstAdmin;
    const generatedPassword = password ? undefined : generatePassword();
    const passwordHash = await this.hasher.hash(password ?? generatedPassword ?? '');
    try {
      await this.dataSource.transaction(async (db) => {
        if ((await db.getRepository(User).count()) > 0) throw new AlreadySeeded();
        const organization =
          (await db.getRepository(Organization).findOneBy({ name: DEFAULT_ORGANIZATION })) ??
          (await db.getRepository(Organization).save({ name: DEFAULT_ORGANIZATION }));
        const administrator = await db.getRepository(Role).findOneByOrFail({ name: 'ROLE_ADMINISTRATOR' });
        const { id } = await db.getRepository(User).save({
          username: username.toLowerCase(),
          email: email.toLowerCase(),
          firstName: 'Keyhouse',
          lastName: 'Administrator',
          enabled: true,
          // Somebody must be able to create the next organization and its administrators.
          platformOperator: true,
          passwordHash,
        });
        await setMemberships(db, id, [], [{ organizationId: organization.id, roleIds: [administrator.id] }]);
      });
    } catch (error) {
      if (error instanceof AlreadySeeded || isDuplicateKeyError(error)) return undefined;
      throw error;
    }
    return { username: username.toLowerCase(), generatedPassword };
  }
}

class AlreadySeeded extends Error {}
