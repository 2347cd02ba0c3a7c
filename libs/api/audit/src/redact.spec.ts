import { redact } from './redact';

describe('redact', () => {
  it('drops anything named like a secret, at any depth, and keeps the rest', () => {
    expect(
      redact({
        name: 'ERP',
        clientSecret: 's3cret',
        accessTokenTtl: 300,
        secret: { id: 4, digest: 'abc', expiresAt: '2026-12-01' },
        users: [{ username: 'ann', passwordHash: 'x' }],
        csrfToken: 'y',
      }),
    ).toEqual({ name: 'ERP', accessTokenTtl: 300, users: [{ username: 'ann' }] });
  });
});
