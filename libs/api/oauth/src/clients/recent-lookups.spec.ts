import { RecentLookups, REUSE_MS } from './recent-lookups';

describe('RecentLookups', () => {
  let changes: number;
  let now: number;
  let reads: number;
  let lookups: RecentLookups<{ name: string; scopes: string[] }>;
  const load = (validUntil?: number) => async () => {
    reads++;
    return { value: { name: `read ${reads}`, scopes: ['a'] }, validUntil };
  };

  beforeEach(() => {
    changes = 0;
    now = 1_000_000;
    reads = 0;
    lookups = new RecentLookups(
      () => changes,
      () => now,
    );
  });

  it('answers a second lookup from the first while this process wrote nothing and the time has not run out', async () => {
    expect(await lookups.read('k', load())).toEqual({ name: 'read 1', scopes: ['a'] });
    now += REUSE_MS - 1;
    expect(await lookups.read('k', load())).toEqual({ name: 'read 1', scopes: ['a'] });
    expect(reads).toBe(1);
  });

  it('reads again after any write of this process', async () => {
    await lookups.read('k', load());
    changes++;
    expect((await lookups.read('k', load()))?.name).toBe('read 2');
  });

  it('reads again once REUSE_MS has passed, for what other processes may have changed', async () => {
    await lookups.read('k', load());
    now += REUSE_MS;
    expect((await lookups.read('k', load()))?.name).toBe('read 2');
  });

  it('never keeps an answer past its own end (a secret expiring)', async () => {
    await lookups.read('k', load(now + 10));
    now += 10;
    expect((await lookups.read('k', load()))?.name).toBe('read 2');
  });

  it('keeps a read that a write overtook as stale: the count is taken before the read', async () => {
    await lookups.read('k', async () => {
      changes++;
      return { value: { name: 'during a write', scopes: [] } };
    });
    expect((await lookups.read('k', load()))?.name).toBe('read 1');
  });

  it('keeps nothing for what was not found, and forgets what was found before', async () => {
    await lookups.read('k', load());
    changes++;
    expect(await lookups.read('k', async () => undefined)).toBeUndefined();
    expect((await lookups.read('k', load()))?.name).toBe('read 2');
  });

  it('keys apart', async () => {
    await lookups.read('a', load());
    expect((await lookups.read('b', load()))?.name).toBe('read 2');
  });

  it('hands out values no request can change for the next one', async () => {
    const value = await lookups.read('k', load());
    expect(() => value?.scopes.push('b')).toThrow(TypeError);
    expect(() => Object.assign(value ?? {}, { name: 'changed' })).toThrow(TypeError);
  });
});
