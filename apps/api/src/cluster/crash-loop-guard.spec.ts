import { CrashLoopGuard } from './crash-loop-guard';

describe('CrashLoopGuard', () => {
  let now = 0;
  const guard = () => new CrashLoopGuard({ maxFailedStarts: 3, maxExits: 4, windowMs: 60_000 }, () => now);

  beforeEach(() => {
    now = 1_000_000;
  });

  it('stops at once when the first worker cannot start: nothing ever served, and retrying changes nothing', () => {
    expect(guard().exited({ served: false })).toBe('the first worker could not start');
  });

  it('replaces a worker that crashed while serving', () => {
    const crashes = guard();
    crashes.served();
    expect(crashes.exited({ served: true })).toBeUndefined();
  });

  it('stops when workers keep dying before they serve, counted in a row', () => {
    const starts = guard();
    starts.served();
    expect(starts.exited({ served: false })).toBeUndefined();
    expect(starts.exited({ served: false })).toBeUndefined();
    expect(starts.exited({ served: false })).toBe('3 workers in a row died before serving');
  });

  it('starts counting failed start-ups again once a worker serves', () => {
    const starts = guard();
    starts.served();
    starts.exited({ served: false });
    starts.exited({ served: false });
    starts.served();
    expect(starts.exited({ served: false })).toBeUndefined();
    expect(starts.exited({ served: false })).toBeUndefined();
  });

  it('stops when more workers die within the window than the policy allows, however long each served', () => {
    const crashes = guard();
    crashes.served();
    for (let i = 0; i < 4; i++) {
      now += 1_000;
      expect(crashes.exited({ served: true })).toBeUndefined();
    }
    now += 1_000;
    expect(crashes.exited({ served: true })).toBe('5 workers died within 60 seconds');
  });

  it('forgets exits older than the window', () => {
    const crashes = guard();
    crashes.served();
    for (let i = 0; i < 4; i++) crashes.exited({ served: true });
    now += 60_001;
    expect(crashes.exited({ served: true })).toBeUndefined();
  });
});
