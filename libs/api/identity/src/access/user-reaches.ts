import { Injectable } from '@nestjs/common';
import type { Reach } from '@keyhouse/api-platform';
import { DataSource } from 'typeorm';
import { User } from '../entities';
import { reachOf, withMemberships } from './user-reach';

/** What a back-office user may do, for libraries that decide whether someone may act as them. */
@Injectable()
export class UserReaches {
  constructor(private readonly dataSource: DataSource) {}

  /** Undefined for a user that does not exist. */
  async of(userId: number): Promise<Reach | undefined> {
    const user = await withMemberships(this.dataSource.getRepository(User).createQueryBuilder('user')).where('user.id = :userId', { userId }).getOne();
    return user ? reachOf(user) : undefined;
  }
}
