import { validBody, ValidationFailedException } from '@keyhouse/api-platform';
import { AddClientSecretBody } from './client-secret.body';
import { exceedsLiveSecrets, parseDateTime, rotationWarnsOfExpiry, secretRotation, warningHorizon } from './secret-rotation';

const now = new Date('2030-01-10T12:00:00.000Z');
const days = (n: number) => new Date(now.getTime() + n * 86_400_000);

// As the service receives it: checked by the body first, then read.
const rotationOf = async (body: unknown) => secretRotation(await validBody(AddClientSecretBody, body), now);

async function errorsOf(body: unknown): Promise<Record<string, string>> {
  try {
    await rotationOf(body);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationFailedException);
    return (error as ValidationFailedException).errors;
  }
  throw new Error('expected a validation failure');
}

describe('secretRotation', () => {
  it('by default adds a secret that never expires and gives the current ones seven days', async () => {
    expect(await rotationOf(undefined)).toEqual({ expiresAt: null, previousExpiresAt: days(7) });
    expect(await rotationOf({})).toEqual({ expiresAt: null, previousExpiresAt: days(7) });
    expect(await rotationOf({ expiresAt: null })).toEqual({ expiresAt: null, previousExpiresAt: days(7) });
  });

  it('reads both times, in any time zone', async () => {
    expect(await rotationOf({ expiresAt: '2030-06-01T00:00:00+02:00', previousExpiresAt: '2030-01-11T12:00:00Z' })).toEqual({
      expiresAt: new Date('2030-05-31T22:00:00.000Z'),
      previousExpiresAt: days(1),
    });
  });

  it('revokes the current secrets at once for now or any earlier time, recorded as now', async () => {
    expect((await rotationOf({ previousExpiresAt: now.toISOString() })).previousExpiresAt).toEqual(now);
    expect((await rotationOf({ previousExpiresAt: '2000-01-01T00:00:00Z' })).previousExpiresAt).toEqual(now);
  });

  it('never lets the default keep the current secrets alive longer than the new one', async () => {
    expect(await rotationOf({ expiresAt: '2030-01-12T12:00:00Z' })).toEqual({ expiresAt: days(2), previousExpiresAt: days(2) });
  });

  it('refuses a deadline for the current secrets after the new one expires', async () => {
    expect(await errorsOf({ expiresAt: days(2).toISOString(), previousExpiresAt: days(3).toISOString() })).toEqual({
      previousExpiresAt: 'The current secrets cannot outlive the new one: choose a time before it expires.',
    });
  });

  it('refuses an expiry that is not in the future', async () => {
    expect(await errorsOf({ expiresAt: now.toISOString() })).toEqual({ expiresAt: 'Choose a time in the future.' });
    expect(await errorsOf({ expiresAt: '2029-12-31T23:59:59Z' })).toEqual({ expiresAt: 'Choose a time in the future.' });
  });

  it('refuses what is not an ISO 8601 date-time with a zone, at its field', async () => {
    const format = 'Give an ISO 8601 date and time with a time zone, e.g. 2030-01-31T12:00:00Z.';
    for (const value of ['tomorrow', '2030-02-01', '2030-02-01T10:00:00', 1893456000000, true, '2030-02-30T00:00:00Z']) {
      expect(await errorsOf({ expiresAt: value })).toEqual({ expiresAt: format });
    }
    expect(await errorsOf({ previousExpiresAt: null })).toEqual({ previousExpiresAt: `${format} Now or earlier revokes the current secrets at once.` });
  });

  it('refuses unknown fields and a body that is not an object', async () => {
    expect(await errorsOf({ expiresAt: null, clientSecret: 'mine' })).toEqual({ clientSecret: 'Unknown field "clientSecret".' });
    await expect(rotationOf([])).rejects.toThrow('Send the options of the new secret as a JSON object.');
    await expect(rotationOf(null)).rejects.toThrow('Send the options of the new secret as a JSON object.');
    await expect(rotationOf('soon')).rejects.toThrow(ValidationFailedException);
  });

  it('reports every problem at once', async () => {
    expect(Object.keys(await errorsOf({ expiresAt: 'x', previousExpiresAt: 'y', extra: 1 })).sort()).toEqual(['expiresAt', 'extra', 'previousExpiresAt']);
  });
});

describe('exceedsLiveSecrets', () => {
  const overlap = { expiresAt: null, previousExpiresAt: days(7) };
  const revokeNow = { expiresAt: null, previousExpiresAt: now };

  it('allows a fifth live secret, not a sixth, while the current ones keep working', () => {
    expect(exceedsLiveSecrets(4, overlap, now)).toBe(false);
    expect(exceedsLiveSecrets(5, overlap, now)).toBe(true);
  });

  it('does not count the current secrets when they are revoked at once', () => {
    expect(exceedsLiveSecrets(5, revokeNow, now)).toBe(false);
  });
});

describe('the expiry warning', () => {
  it('is covered by the rotation email when the deadline falls within the warning period', () => {
    expect(rotationWarnsOfExpiry({ expiresAt: null, previousExpiresAt: days(7) }, now, 7)).toBe(true);
    expect(rotationWarnsOfExpiry({ expiresAt: null, previousExpiresAt: days(30) }, now, 7)).toBe(false);
    expect(rotationWarnsOfExpiry({ expiresAt: null, previousExpiresAt: days(1) }, now, 0)).toBe(false);
  });

  it('looks the given number of days ahead', () => {
    expect(warningHorizon(now, 7)).toEqual(days(7));
  });
});

describe('parseDateTime', () => {
  it('accepts seconds, fractions and offsets; refuses impossible dates and times', () => {
    expect(parseDateTime('2030-01-31T12:00Z')).toEqual(new Date('2030-01-31T12:00:00Z'));
    expect(parseDateTime('2030-01-31T12:00:00.123456-05:30')).toEqual(new Date('2030-01-31T17:30:00.123Z'));
    expect(parseDateTime('2032-02-29T00:00:00Z')).toEqual(new Date('2032-02-29T00:00:00Z'));
    for (const value of ['2030-02-29T00:00:00Z', '2030-04-31T00:00:00Z', '2030-13-01T00:00:00Z', '2030-01-01T24:00:00Z', '2030-01-01T12:00:00+25:00']) {
      expect(parseDateTime(value)).toBeUndefined();
    }
  });
});
