import { Inject, Injectable } from '@nestjs/common';
import type { DormancyPolicyDto } from '@keyhouse/shared-contracts';
import { ListQueryError, type FilterApplier } from '@keyhouse/api-persistence';
import { APPLICATIONS_OPTIONS, type ApplicationsOptions } from '../applications-options';
import type { OAuthApplication } from '../entities';

export const DAY_MS = 86_400_000;

export interface DormancyOptions {
  /** DORMANT_AFTER_DAYS: no token for this many days (since creation if never used) makes an application dormant. */
  afterDays: number;
  /** DORMANT_DEACTIVATE_AFTER_DAYS: days from the owner's warning to deactivation; null: neither happens. */
  deactivateAfterDays: number | null;
}

/** The moment before which an application's last token (or its creation) makes it dormant. */
export function dormantBefore(now: Date, afterDays: number): Date {
  return new Date(now.getTime() - afterDays * DAY_MS);
}

/** Never used counts from creation: an application nobody ever used is as idle as one nobody uses any more. */
export function isDormant({ lastUsedAt, createdAt }: Pick<OAuthApplication, 'lastUsedAt' | 'createdAt'>, before: Date): boolean {
  return (lastUsedAt ?? createdAt) < before;
}

/**
 * The same rule in SQL for `alias` (`dormant` false: the opposite); `param` names a parameter
 * holding the moment `dormantBefore` gives. createdAt is never null, so neither is the COALESCE,
 * and the negation is exact.
 */
export function dormantCondition(alias: string, param: string, dormant = true): string {
  return `COALESCE(${alias}.lastUsedAt, ${alias}.createdAt) ${dormant ? '<' : '>='} :${param}`;
}

/** The rule with this server's DORMANT_AFTER_DAYS. */
@Injectable()
export class Dormancy {
  readonly afterDays: number;
  readonly deactivateAfterDays: number | null;

  constructor(@Inject(APPLICATIONS_OPTIONS) { dormancy }: ApplicationsOptions) {
    this.afterDays = dormancy.afterDays;
    this.deactivateAfterDays = dormancy.deactivateAfterDays;
  }

  before(now = new Date()): Date {
    return dormantBefore(now, this.afterDays);
  }

  policy(): DormancyPolicyDto {
    return { dormantAfterDays: this.afterDays, deactivateAfterDays: this.deactivateAfterDays };
  }

  /** The grid's `dormant` filter: true, dormant applications only; false, the others. */
  filter(): FilterApplier<OAuthApplication> {
    return (query, value, param) => {
      const wanted = value === true || value === 'true' ? true : value === false || value === 'false' ? false : undefined;
      if (wanted === undefined) throw new ListQueryError('filter', 'dormant must be true or false');
      query.andWhere(dormantCondition(query.alias, param, wanted), { [param]: this.before() });
    };
  }
}
