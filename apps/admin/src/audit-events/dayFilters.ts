/**
 * The From and To filters pick days; the API takes instants (`at >= from`, `at < to`). A day is
 * the admin's own day, from local midnight to the next, and To includes its day.
 */

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD`, the value of a date input, for the local day of a time. */
const localDay = (time: Date): string => `${time.getFullYear()}-${pad(time.getMonth() + 1)}-${pad(time.getDate())}`;

/** Local midnight at the start of a `YYYY-MM-DD` day, `plusDays` later, as an ISO 8601 instant. */
const startOf = (day: string, plusDays = 0): string => {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year, month - 1, date + plusDays).toISOString();
};

export const fromDay = {
  parse: (day: string): string | null => (day ? startOf(day) : null),
  format: (at: string | null | undefined): string => (at ? localDay(new Date(at)) : ''),
};

export const toDay = {
  parse: (day: string): string | null => (day ? startOf(day, 1) : null),
  format: (before: string | null | undefined): string => {
    if (!before) return '';
    const end = new Date(before);
    end.setDate(end.getDate() - 1);
    return localDay(end);
  },
};
