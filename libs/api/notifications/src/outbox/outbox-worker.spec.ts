import { backoffSeconds, MAX_ATTEMPTS } from './outbox-worker';

describe('outbox retry schedule', () => {
  it('doubles the wait after each failure, capped at an hour', () => {
    expect([1, 2, 3, 4].map(backoffSeconds)).toEqual([5, 10, 20, 40]);
    expect(backoffSeconds(20)).toBe(3600);
  });

  it('gives up after a bounded number of tries, about ten minutes of trying in all', () => {
    const total = Array.from({ length: MAX_ATTEMPTS - 1 }, (_, i) => backoffSeconds(i + 1)).reduce((a, b) => a + b, 0);
    expect(MAX_ATTEMPTS).toBe(8);
    expect(total).toBe(635);
  });
});
