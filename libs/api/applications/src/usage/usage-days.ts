import { USAGE_DAYS, type ApplicationUsageDayDto } from '@keyhouse/shared-contracts';
import { ValidationFailedException } from '@keyhouse/api-platform';

const DAY_MS = 86_400_000;

/** The UTC day of a moment, `YYYY-MM-DD`: usage is counted and shown by UTC day, whatever the zone of the server. */
export function utcDay(at: Date | number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/** The `count` UTC days ending with the day of `now`, oldest first. */
export function lastDays(now: Date, count: number): string[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Array.from({ length: count }, (_, i) => utcDay(today - (count - 1 - i) * DAY_MS));
}

/** One entry per day, zero where no row was stored. */
export function zeroFilled(days: string[], rows: ApplicationUsageDayDto[]): ApplicationUsageDayDto[] {
  const byDay = new Map(rows.map((row) => [row.day, row]));
  return days.map((day) => ({
    day,
    tokensIssued: byDay.get(day)?.tokensIssued ?? 0,
    failedAuthentications: byDay.get(day)?.failedAuthentications ?? 0,
  }));
}

/** The `days` query parameter: absent or empty means the default; anything but a whole number in range is a 400. */
export function parseUsageDays(raw: unknown): number {
  if (raw === undefined || raw === '') return USAGE_DAYS.default;
  const days = typeof raw === 'string' && /^\d{1,3}$/.test(raw) ? Number(raw) : NaN;
  if (!(days >= USAGE_DAYS.min && days <= USAGE_DAYS.max)) {
    throw new ValidationFailedException(
      { days: `Ask for a whole number of days from ${USAGE_DAYS.min} to ${USAGE_DAYS.max}.` },
      'The usage request is not valid.',
    );
  }
  return days;
}
