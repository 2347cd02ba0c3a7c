import { dormantBefore, isDormant } from './dormancy';

const DAY = 86_400_000;

describe('dormancy', () => {
  const now = new Date('2026-06-01T12:00:00Z');
  const before = dormantBefore(now, 90);
  const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);

  it('counts N days back from now', () => {
    expect(before).toEqual(new Date('2026-03-03T12:00:00Z'));
  });

  it('is dormant when the last token is older than N days', () => {
    expect(isDormant({ createdAt: daysAgo(400), lastUsedAt: daysAgo(91) }, before)).toBe(true);
    expect(isDormant({ createdAt: daysAgo(400), lastUsedAt: daysAgo(89) }, before)).toBe(false);
  });

  it('counts from creation when never used', () => {
    expect(isDormant({ createdAt: daysAgo(91), lastUsedAt: null }, before)).toBe(true);
    expect(isDormant({ createdAt: daysAgo(1), lastUsedAt: null }, before)).toBe(false);
  });

  it('is not dormant exactly at the boundary', () => {
    expect(isDormant({ createdAt: daysAgo(400), lastUsedAt: daysAgo(90) }, before)).toBe(false);
  });
});
