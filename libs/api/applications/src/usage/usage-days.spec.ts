import { lastDays, parseUsageDays, utcDay, zeroFilled } from './usage-days';

describe('usage days', () => {
  it('names the UTC day of a moment, whatever the zone it was written in', () => {
    expect(utcDay(new Date('2026-03-10T23:30:00-05:00'))).toBe('2026-03-11');
    expect(utcDay(Date.parse('2026-03-10T00:00:00Z'))).toBe('2026-03-10');
  });

  it('lists the last days up to today, oldest first, across months and leap days', () => {
    expect(lastDays(new Date('2028-03-01T08:00:00Z'), 3)).toEqual(['2028-02-28', '2028-02-29', '2028-03-01']);
    expect(lastDays(new Date('2026-01-01T00:00:00Z'), 1)).toEqual(['2026-01-01']);
    expect(lastDays(new Date('2026-12-31T23:59:59Z'), 365)[0]).toBe('2026-01-01');
    expect(lastDays(new Date('2026-12-31T23:59:59Z'), 366)).toHaveLength(366);
  });

  it('fills the days without a row with zeros', () => {
    const days = ['2026-03-08', '2026-03-09', '2026-03-10'];
    expect(zeroFilled(days, [{ day: '2026-03-09', tokensIssued: 5, failedAuthentications: 2 }])).toEqual([
      { day: '2026-03-08', tokensIssued: 0, failedAuthentications: 0 },
      { day: '2026-03-09', tokensIssued: 5, failedAuthentications: 2 },
      { day: '2026-03-10', tokensIssued: 0, failedAuthentications: 0 },
    ]);
  });

  it('reads `days`: 30 by default, 1 to 366', () => {
    expect(parseUsageDays(undefined)).toBe(30);
    expect(parseUsageDays('')).toBe(30);
    expect(parseUsageDays('1')).toBe(1);
    expect(parseUsageDays('366')).toBe(366);
  });

  it.each([['0'], ['367'], ['7.5'], ['-3'], ['1e2'], [' 7'], ['abc'], [['7', '8']]])('refuses days=%j with a 400 at the field', (raw) => {
    expect(() => parseUsageDays(raw)).toThrow(expect.objectContaining({ errors: { days: 'Ask for a whole number of days from 1 to 366.' } }));
  });
});
