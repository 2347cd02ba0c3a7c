import { UsageCounters } from './usage-counters';

const at = (iso: string) => Date.parse(iso);

describe('UsageCounters', () => {
  let now = at('2026-03-10T12:00:00Z');
  const counters = () => new UsageCounters(() => now);
  const byKey = (deltas: ReturnType<UsageCounters['take']>) => Object.fromEntries(deltas.map((d) => [`${d.applicationId}@${d.day}`, [d.tokensIssued, d.failedAuthentications]]));

  beforeEach(() => {
    now = at('2026-03-10T12:00:00Z');
  });

  it('adds up tokens and failures per application', () => {
    const usage = counters();
    usage.tokenIssued(1);
    usage.tokenIssued(1);
    usage.authenticationFailed(1);
    usage.authenticationFailed(2);
    expect(byKey(usage.take())).toEqual({ '1@2026-03-10': [2, 1], '2@2026-03-10': [0, 1] });
  });

  it('buckets by UTC day, the last millisecond of a day included', () => {
    const usage = counters();
    now = at('2026-03-10T23:59:59.999Z');
    usage.tokenIssued(1);
    now = at('2026-03-11T00:00:00.000Z');
    usage.tokenIssued(1);
    usage.tokenIssued(1);
    expect(byKey(usage.take())).toEqual({ '1@2026-03-10': [1, 0], '1@2026-03-11': [2, 0] });
  });

  it('follows the clock back into an earlier day', () => {
    const usage = counters();
    usage.tokenIssued(1);
    now = at('2026-03-09T23:00:00Z');
    usage.tokenIssued(1);
    expect(byKey(usage.take())).toEqual({ '1@2026-03-10': [1, 0], '1@2026-03-09': [1, 0] });
  });

  it('starts from zero after a take', () => {
    const usage = counters();
    usage.tokenIssued(1);
    usage.take();
    expect(usage.take()).toEqual([]);
    usage.authenticationFailed(1);
    expect(byKey(usage.take())).toEqual({ '1@2026-03-10': [0, 1] });
  });

  it('keeps restored deltas, added to what was counted meanwhile', () => {
    const usage = counters();
    usage.tokenIssued(1);
    usage.authenticationFailed(3);
    const failedWrite = usage.take();
    usage.tokenIssued(1);
    usage.restore(failedWrite);
    usage.restore([{ applicationId: 1, day: '2026-03-09', tokensIssued: 4, failedAuthentications: 0 }]);
    expect(byKey(usage.take())).toEqual({ '1@2026-03-10': [2, 0], '3@2026-03-10': [0, 1], '1@2026-03-09': [4, 0] });
  });
});
