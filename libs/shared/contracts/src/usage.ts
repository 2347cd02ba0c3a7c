/** One UTC day of an application's usage. */
export interface ApplicationUsageDayDto {
  /** `YYYY-MM-DD`, UTC. */
  day: string;
  /** Access tokens the token endpoint issued to the application (every grant). */
  tokensIssued: number;
  /**
   * `invalid_client` answers to requests naming the application's client ID (wrong, expired or
   * missing secret, or the application deactivated), on any endpoint that authenticates clients.
   */
  failedAuthentications: number;
}

/**
 * `GET /admin/api/oauth-applications/:id/usage?days=30`: the last `days` UTC days, today
 * included, oldest first, one entry per day (zero when nothing happened). Counts reach the
 * database in batches, so the last seconds may be missing.
 */
export interface ApplicationUsageDto {
  days: ApplicationUsageDayDto[];
}

/** The `days` a usage request may ask for: up to a year (leap years included). */
export const USAGE_DAYS = { default: 30, min: 1, max: 366 } as const;

/** `GET /admin/api/system/dormancy`: when applications count as dormant, and what happens to them. */
export interface DormancyPolicyDto {
  /** DORMANT_AFTER_DAYS: no token issued for this many days (since creation if never used). */
  dormantAfterDays: number;
  /**
   * DORMANT_DEACTIVATE_AFTER_DAYS: a dormant active application's owner is warned by email, and
   * it is deactivated this many days later unless used meanwhile. Null: no warning, no deactivation.
   */
  deactivateAfterDays: number | null;
}

/**
 * `GET /admin/api/oauth-applications/summary`: figures of the applications the caller sees (those
 * the grid lists), for the dashboard. `active` and `inactive` together are all of them;
 * `dormant` counts those of either status the grid's Dormant filter finds; `tokensIssuedToday`
 * the tokens issued to them on the current UTC day, which reaches the database in batches.
 */
export interface ApplicationSummaryDto {
  active: number;
  inactive: number;
  dormant: number;
  tokensIssuedToday: number;
}
