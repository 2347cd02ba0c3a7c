import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable } from '@nestjs/common';
import { RetryLaterException } from '@keyhouse/api-platform';
import { DataSource, In, MoreThan } from 'typeorm';
import { CustomerUser, SignInFailure, User, type ThrottleScope } from '../entities';
import { IDENTITY_OPTIONS, type IdentityOptions } from '../identity-options';
import { accountCounter, normalizeLogin, type AccountKind } from './sign-in-account';

/** An attempt's rows in the counts, made before its password is checked. */
export interface SignInReservation {
  /** The account's count at the attempt's address (see accountCounter). */
  account: string;
  rowIds: number[];
}

interface ReservedRow {
  id: number;
  scope: ThrottleScope;
  subject: string;
  limit: number;
}

/** Where a reserved row stands in its count: within the limit, behind `limit` earlier rows, or neither yet. */
type Standing = 'within' | 'behind' | 'undecided';

// An undecided attempt recounts until the later ones have withdrawn, which takes them a statement
// or two; one still undecided after the longest wait withdraws too, on the side of refusing.
const RECOUNT_AFTER_MS = 20;
const MAX_WAIT_MS = 2000;

/**
 * Counts sign-in attempts in the database, per account at each client address and per origin
 * (an address, or an application and an address), over a sliding window. Kept in the database
 * (not in memory) so every instance counts into the same rows. An account is counted per address
 * so that nobody can lock its owner out by typing its name (DESIGN.md): a stranger's wrong
 * passwords fill the stranger's count, never the owner's. Guessing one account's password from
 * many addresses gets each address its own few tries, and each address's tries over all accounts
 * are held by the origin's count.
 */
@Injectable()
export class SignInThrottle {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(IDENTITY_OPTIONS) private readonly options: IdentityOptions,
  ) {}

  /**
   * Takes a place for one attempt, before any password is hashed, in the count of the account the
   * login names at this address and in the count of the origin, or refuses it (RetryLaterException) when either
   * count is full. A wrong password leaves the reservation as the failure; the right one calls
   * `succeeded`.
   *
   * Each row is committed before its attempt counts, and an attempt goes ahead only when every row
   * in the window, later attempts' included, is within the limit: of any `limit + 1` attempts, the
   * last one to count sees all of their rows. So at most `limit` are ever evaluated, however many
   * run at once on however many instances. An attempt with `limit` rows before its own withdraws
   * at once. One that is over the limit only because of rows after its own waits for them to
   * withdraw: refusing at once would let a burst refuse all of its attempts, the first `limit`
   * included, whenever all its rows are in before the first count (as a busy connection pool
   * orders them), and leave the count empty.
   */
  async reserve(kind: AccountKind, login: string, address: string, origin: string): Promise<SignInReservation> {
    const account = accountCounter(kind, await this.accountIdOf(kind, login), login, address);
    const { maxFailuresPerUser, maxFailuresPerIp } = this.options.signInThrottle;
    const failedAt = new Date();
    const rows = [
      await this.insertRow('account', account, maxFailuresPerUser, failedAt),
      await this.insertRow('ip', origin, maxFailuresPerIp, failedAt),
    ];
    const deadline = Date.now() + MAX_WAIT_MS;
    for (;;) {
      const standings = await Promise.all(rows.map((row) => this.standingOf(row)));
      if (standings.every((standing) => standing === 'within')) return { account, rowIds: rows.map(({ id }) => id) };
      if (standings.includes('behind') || Date.now() >= deadline) return this.refuse(rows);
      await sleep(RECOUNT_AFTER_MS);
    }
  }

  /** The right password: the attempt's reservation and the account's failures at its address stop counting. */
  async succeeded({ account, rowIds }: SignInReservation): Promise<void> {
    const failures = this.dataSource.getRepository(SignInFailure);
    await failures.delete({ id: In(rowIds) });
    await failures.delete({ scope: 'account', subject: account });
  }

  /** A sign-in vouched for without a password (single sign-on): the account's failures at its address stop counting. */
  async reset(kind: AccountKind, accountId: number, address: string): Promise<void> {
    await this.dataSource.getRepository(SignInFailure).delete({ scope: 'account', subject: accountCounter(kind, accountId, '', address) });
  }

  private async accountIdOf(kind: AccountKind, login: string): Promise<number | undefined> {
    const name = normalizeLogin(login);
    const account =
      kind === 'user'
        ? await this.dataSource.getRepository(User).findOne({ where: [{ username: name }, { email: name }], select: { id: true } })
        : await this.dataSource.getRepository(CustomerUser).findOne({ where: { email: name }, select: { id: true } });
    return account?.id;
  }

  private async insertRow(scope: ThrottleScope, subject: string, limit: number, failedAt: Date): Promise<ReservedRow> {
    const { identifiers } = await this.dataSource.getRepository(SignInFailure).insert({ scope, subject, failedAt });
    return { id: Number(identifiers[0]['id']), scope, subject, limit };
  }

  private async standingOf({ id, scope, subject, limit }: ReservedRow): Promise<Standing> {
    const counts = await this.dataSource
      .getRepository(SignInFailure)
      .createQueryBuilder('attempt')
      .select('COUNT(*)', 'total')
      .addSelect('SUM(CASE WHEN attempt.id < :id THEN 1 ELSE 0 END)', 'earlier')
      .where('attempt.scope = :scope AND attempt.subject = :subject AND attempt.failedAt > :windowStart', { id, scope, subject, windowStart: this.windowStart() })
      .getRawOne<{ total: number | string; earlier: number | string | null }>();
    if (Number(counts?.total) <= limit) return 'within';
    return Number(counts?.earlier) >= limit ? 'behind' : 'undecided';
  }

  private async refuse(rows: ReservedRow[]): Promise<never> {
    await this.dataSource.getRepository(SignInFailure).delete({ id: In(rows.map(({ id }) => id)) });
    const waits = await Promise.all(rows.map((row) => this.secondsUntilPlace(row)));
    const wait = Math.max(1, ...waits);
    throw new RetryLaterException(`Too many sign-in attempts. Try again in ${wait} seconds.`, wait);
  }

  /** When the oldest of the newest `limit` rows leaves the window, there is a place again. */
  private async secondsUntilPlace({ scope, subject, limit }: ReservedRow): Promise<number> {
    const [oldest] = await this.dataSource.getRepository(SignInFailure).find({
      where: { scope, subject, failedAt: MoreThan(this.windowStart()) },
      order: { failedAt: 'DESC' },
      skip: limit - 1,
      take: 1,
      select: { id: true, failedAt: true },
    });
    if (!oldest) return 0;
    return Math.ceil((oldest.failedAt.getTime() + this.options.signInThrottle.windowSeconds * 1000 - Date.now()) / 1000);
  }

  private windowStart(): Date {
    return new Date(Date.now() - this.options.signInThrottle.windowSeconds * 1000);
  }
}
