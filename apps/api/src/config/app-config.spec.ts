import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, workersConfig } from './app-config';
import { ConfigError } from './env-readers';

const emptyDir = mkdtempSync(join(tmpdir(), 'keyhouse-config-'));
// Key paths that do not exist, so the defaults never depend on the working directory.
const base = { OAUTH_PRIVATE_KEY_PATH: join(emptyDir, 'private.pem'), OAUTH_PUBLIC_KEY_PATH: join(emptyDir, 'public.pem') };

/** A complete single sign-on setup. */
const SSO = {
  SSO_NAME: 'Acme ID',
  SSO_AUTHORIZATION_URL: 'https://id.acme.test/authorize',
  SSO_TOKEN_URL: 'https://id.acme.test/token',
  SSO_USERINFO_URL: 'https://id.acme.test/userinfo',
  SSO_CLIENT_ID: 'keyhouse',
  SSO_CLIENT_SECRET: 'a-client-secret',
};

function errorOf(env: Record<string, string>): string {
  try {
    loadConfig({ ...base, ...env });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('has the defaults of DESIGN.md section 2', () => {
    const config = loadConfig({});
    expect(config.server).toEqual({ port: 3000, host: '0.0.0.0', issuer: 'http://localhost:3000', trustProxy: { hops: 0 }, shutdownDelaySeconds: 0 });
    expect(config.database).toEqual({ dialect: 'sqlite', file: 'var/keyhouse.sqlite', waitSeconds: 30 });
    expect(config.keys).toEqual({ privateKeyPath: 'var/oauth_private.key', publicKeyPath: 'var/oauth_public.key', algorithm: 'RS256', generate: true });
    expect(config.tokens).toEqual({
      accessTokenTtl: 3600,
      refreshTokenTtl: 2592000,
      authCodeTtl: 600,
      refreshTokensEnabled: true,
      passwordGrantEnabled: true,
      clientAuthThrottle: { maxFailures: 10, periodSeconds: 900 },
    });
    expect(config.mail).toEqual({ smtpUrl: undefined, from: 'keyhouse@localhost' });
    expect(config.identity.firstAdmin).toEqual({ username: 'admin', email: 'admin@example.com', password: undefined });
    expect(config.applications).toEqual({ secretExpiryWarningDays: 7, dormancy: { afterDays: 90, deactivateAfterDays: null } });
    expect(config.cleanup).toEqual({ intervalSeconds: 3600 });
    expect(config.metrics).toEqual({ bearerToken: undefined });
    expect(config.audit).toEqual({ retentionDays: 365 });
  });

  it('keeps the audit trail AUDIT_RETENTION_DAYS (at least 30), or forever with 0', () => {
    expect(loadConfig({ AUDIT_RETENTION_DAYS: '0' }).audit.retentionDays).toBe(0);
    expect(loadConfig({ AUDIT_RETENTION_DAYS: '90' }).audit.retentionDays).toBe(90);
    expect(() => loadConfig({ AUDIT_RETENTION_DAYS: '7' })).toThrow('AUDIT_RETENTION_DAYS: use 0 (keep forever) or at least 30 days');
  });

  it('throttles a client address after CLIENT_AUTH_MAX_FAILURES wrong secrets within CLIENT_AUTH_LOCK_SECONDS, for as long', () => {
    expect(loadConfig({ CLIENT_AUTH_MAX_FAILURES: '0', CLIENT_AUTH_LOCK_SECONDS: '60' }).tokens.clientAuthThrottle).toEqual({ maxFailures: 0, periodSeconds: 60 });
  });

  it('runs the cleanup at the given interval, or never with 0', () => {
    expect(loadConfig({ CLEANUP_INTERVAL_SECONDS: '60' }).cleanup.intervalSeconds).toBe(60);
    expect(loadConfig({ CLEANUP_INTERVAL_SECONDS: '0' }).cleanup.intervalSeconds).toBe(0);
  });

  it('protects /metrics with METRICS_TOKEN when it is set', () => {
    expect(loadConfig({ METRICS_TOKEN: 'scrape-token-0123456789' }).metrics.bearerToken).toBe('scrape-token-0123456789');
  });

  it('counts applications dormant after DORMANT_AFTER_DAYS, and deactivates them only when DORMANT_DEACTIVATE_AFTER_DAYS is set', () => {
    expect(loadConfig({ DORMANT_AFTER_DAYS: '30' }).applications.dormancy).toEqual({ afterDays: 30, deactivateAfterDays: null });
    expect(loadConfig({ DORMANT_DEACTIVATE_AFTER_DAYS: '14' }).applications.dormancy).toEqual({ afterDays: 90, deactivateAfterDays: 14 });
  });

  it('warns of expiring secrets the given number of days ahead, or never with 0', () => {
    expect(loadConfig({ SECRET_EXPIRY_WARNING_DAYS: '14' }).applications.secretExpiryWarningDays).toBe(14);
    expect(loadConfig({ SECRET_EXPIRY_WARNING_DAYS: '0' }).applications.secretExpiryWarningDays).toBe(0);
  });

  it('derives the issuer from PORT and does not generate keys in production', () => {
    const config = loadConfig({ PORT: '8080', NODE_ENV: 'production' });
    expect(config.server.issuer).toBe('http://localhost:8080');
    expect(config.keys.generate).toBe(false);
  });

  it('signs with the algorithm OAUTH_SIGNING_ALG names', () => {
    expect(['RS256', 'ES256', 'EdDSA'].map((alg) => loadConfig({ OAUTH_SIGNING_ALG: alg }).keys.algorithm)).toEqual(['RS256', 'ES256', 'EdDSA']);
  });

  it('reads SHUTDOWN_DELAY_SECONDS', () => {
    expect(loadConfig({ SHUTDOWN_DELAY_SECONDS: '5' }).server.shutdownDelaySeconds).toBe(5);
  });

  describe('WORKERS', () => {
    it('is one process unless production, where it is one worker per core', () => {
      expect(workersConfig({}, 8)).toBe(1);
      expect(workersConfig({ NODE_ENV: 'development' }, 8)).toBe(1);
      expect(workersConfig({ NODE_ENV: 'production' }, 8)).toBe(8);
      expect(workersConfig({ NODE_ENV: 'production', WORKERS: '1' }, 8)).toBe(1);
      expect(loadConfig({}).workers).toBe(1);
    });

    it('takes auto (one per core this process may use) or a number', () => {
      expect(workersConfig({ WORKERS: 'auto' }, 2)).toBe(2);
      expect(workersConfig({ WORKERS: 'AUTO' }, 6)).toBe(6);
      expect(workersConfig({ WORKERS: '3' }, 2)).toBe(3);
      expect(workersConfig({ WORKERS: ' ' }, 2)).toBe(1);
    });

    it.each(['0', '-1', '1.5', 'two', 'all', '257', '99999999999999999999'])('refuses WORKERS=%s with one line naming it', (value) => {
      expect(errorOf({ WORKERS: value })).toBe(`WORKERS=${value}: expected auto (one per core) or a whole number from 1 to 256`);
    });
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: ' ' }).server.port).toBe(3000);
  });

  it.each([
    ['false', { hops: 0 }],
    ['0', { hops: 0 }],
    ['no', { hops: 0 }],
    ['true', { hops: 1 }],
    ['TRUE', { hops: 1 }],
    ['1', { hops: 1 }],
    ['3', { hops: 3 }],
    ['10.0.0.1', { proxies: ['10.0.0.1'] }],
    ['10.0.0.0/8, 192.168.0.1 ,2001:db8::/32,::1', { proxies: ['10.0.0.0/8', '192.168.0.1', '2001:db8::/32', '::1'] }],
  ])('reads TRUST_PROXY=%s as %j', (value, trust) => {
    expect(loadConfig({ TRUST_PROXY: value }).server.trustProxy).toEqual(trust);
  });

  it('uses a Secure cookie when the issuer is https', () => {
    expect(loadConfig({ ISSUER: 'https://auth.example.com' }).identity.session.secureCookie).toBe(true);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT=abc: expected a whole number from 1 to 65535'],
    [{ PORT: '70000' }, 'PORT=70000: expected a whole number from 1 to 65535'],
    [{ DATABASE_URL: 'foo' }, 'DATABASE_URL=foo: not a URL'],
    [{ DATABASE_URL: 'postgres://x' }, 'DATABASE_URL=postgres://x: unsupported scheme "postgres:"'],
    [{ ACCESS_TOKEN_TTL: '1h' }, 'ACCESS_TOKEN_TTL=1h: expected a whole number'],
    [{ REFRESH_TOKENS_ENABLED: 'maybe' }, 'REFRESH_TOKENS_ENABLED=maybe: expected true or false'],
    [{ ISSUER: 'localhost:3000' }, 'ISSUER=localhost:3000: expected an http(s) URL'],
    [{ ISSUER: 'https://auth.example.com/' }, 'ISSUER=https://auth.example.com/: expected an http(s) URL'],
    [{ SMTP_URL: 'http://mail' }, 'SMTP_URL=http://mail: expected smtp://'],
    [{ MAIL_FROM: 'nobody' }, 'MAIL_FROM=nobody: expected an email address'],
    [{ ADMIN_USERNAME: 'bad name' }, 'ADMIN_USERNAME=bad name: use 1 to 180'],
    [{ SECRET_EXPIRY_WARNING_DAYS: '-1' }, 'SECRET_EXPIRY_WARNING_DAYS=-1: expected a whole number from 0 to 365'],
    [{ SECRET_EXPIRY_WARNING_DAYS: '400' }, 'SECRET_EXPIRY_WARNING_DAYS=400: expected a whole number from 0 to 365'],
    [{ DORMANT_AFTER_DAYS: '0' }, 'DORMANT_AFTER_DAYS=0: expected a whole number from 1 to 3650'],
    [{ DORMANT_DEACTIVATE_AFTER_DAYS: '0' }, 'DORMANT_DEACTIVATE_AFTER_DAYS=0: expected a whole number from 1 to 365'],
    [{ DORMANT_DEACTIVATE_AFTER_DAYS: 'soon' }, 'DORMANT_DEACTIVATE_AFTER_DAYS=soon: expected a whole number from 1 to 365'],
    [{ CLEANUP_INTERVAL_SECONDS: 'hourly' }, 'CLEANUP_INTERVAL_SECONDS=hourly: expected a whole number from 0 to 604800'],
    [{ SHUTDOWN_DELAY_SECONDS: '5s' }, 'SHUTDOWN_DELAY_SECONDS=5s: expected a whole number from 0 to 300'],
    [{ METRICS_TOKEN: 'short' }, 'METRICS_TOKEN: use at least 16 letters'],
    [{ METRICS_TOKEN: 'has a space in it, sixteen+' }, 'METRICS_TOKEN: use at least 16 letters'],
    [{ TRUST_PROXY: 'maybe' }, 'TRUST_PROXY=maybe: expected true, false, a number of proxies or their addresses and CIDR ranges ("maybe" is not an IP address'],
    [{ TRUST_PROXY: '101' }, 'TRUST_PROXY=101: expected a whole number from 0 to 100'],
    [{ TRUST_PROXY: '-1' }, 'TRUST_PROXY=-1: expected true, false, a number of proxies or their addresses and CIDR ranges ("-1" is not an IP address'],
    [{ TRUST_PROXY: '1.5' }, 'TRUST_PROXY=1.5: expected true, false, a number of proxies or their addresses and CIDR ranges ("1.5" is not an IP address'],
    [{ TRUST_PROXY: '10.0.0.0/33' }, 'TRUST_PROXY=10.0.0.0/33: expected true, false, a number of proxies or their addresses and CIDR ranges ("10.0.0.0/33" needs a prefix length from 0 to 32)'],
    [{ TRUST_PROXY: '10.0.0.1,,10.0.0.2' }, 'TRUST_PROXY=10.0.0.1,,10.0.0.2: expected true, false, a number of proxies or their addresses and CIDR ranges ("" is empty)'],
    [{ TRUST_PROXY: '10.0.0.1, true' }, 'TRUST_PROXY=10.0.0.1, true: expected true, false, a number of proxies or their addresses and CIDR ranges ("true" is not an IP address'],
    [{ TRUST_PROXY: 'loopback' }, 'TRUST_PROXY=loopback: expected true, false, a number of proxies or their addresses and CIDR ranges ("loopback" is not an IP address'],
    [{ OAUTH_PRIVATE_KEY_PATH: emptyDir }, `OAUTH_PRIVATE_KEY_PATH=${emptyDir}: is a directory, expected a PEM key file`],
    [{ OAUTH_SIGNING_ALG: 'HS256' }, 'OAUTH_SIGNING_ALG=HS256: expected RS256, ES256 or EdDSA'],
    [{ OAUTH_SIGNING_ALG: 'es256' }, 'OAUTH_SIGNING_ALG=es256: expected RS256, ES256 or EdDSA'],
    [{ OAUTH_SIGNING_ALG: 'none' }, 'OAUTH_SIGNING_ALG=none: expected RS256, ES256 or EdDSA'],
  ])('refuses %j with one line naming the variable', (env, message) => {
    const line = errorOf(env);
    expect(line.startsWith(message)).toBe(true);
    expect(line).not.toContain('\n');
  });

  it('never prints a password, in a URL or on its own', () => {
    expect(errorOf({ DATABASE_URL: 'mysql://app:hunter2hunter2@db/' })).not.toContain('hunter2');
    expect(errorOf({ SMTP_URL: 'ftp://u:hunter2hunter2@mail' })).not.toContain('hunter2');
    expect(errorOf({ ADMIN_PASSWORD: 'hunter2' })).toBe('ADMIN_PASSWORD: must be at least 12 characters long');
    expect(errorOf({ SSO_NAME: 'Acme', SSO_CLIENT_SECRET: 'hunter2hunter2' })).not.toContain('hunter2');
    expect(errorOf({ ...SSO, SSO_TOKEN_URL: 'ftp://u:hunter2hunter2@id.acme.test/token' })).not.toContain('hunter2');
  });

  describe('single sign-on (SSO_*)', () => {
    it('is off without any SSO_* setting', () => {
      expect(loadConfig(base).identity.sso).toBeUndefined();
    });

    it('is on with all of them, its redirect URI under ISSUER, the email in `email` unless SSO_EMAIL_FIELD says otherwise', () => {
      expect(loadConfig({ ...base, ...SSO, ISSUER: 'https://keys.example.com' }).identity.sso).toEqual({
        name: 'Acme ID',
        authorizationUrl: 'https://id.acme.test/authorize',
        tokenUrl: 'https://id.acme.test/token',
        userinfoUrl: 'https://id.acme.test/userinfo',
        clientId: 'keyhouse',
        clientSecret: 'a-client-secret',
        emailField: 'email',
        callbackUrl: 'https://keys.example.com/admin/api/session/sso/callback',
      });
      expect(loadConfig({ ...base, ...SSO, SSO_SCOPE: 'openid email', SSO_EMAIL_FIELD: 'upn' }).identity.sso).toMatchObject({ scope: 'openid email', emailField: 'upn' });
    });

    it.each([
      [{ SSO_NAME: 'Acme ID' }, 'SSO_AUTHORIZATION_URL, SSO_TOKEN_URL, SSO_USERINFO_URL, SSO_CLIENT_ID, SSO_CLIENT_SECRET: not set; single sign-on needs all of'],
      [{ ...SSO, SSO_CLIENT_SECRET: '' }, 'SSO_CLIENT_SECRET: not set; single sign-on needs all of'],
      [{ SSO_SCOPE: 'openid' }, 'SSO_NAME, SSO_AUTHORIZATION_URL, SSO_TOKEN_URL, SSO_USERINFO_URL, SSO_CLIENT_ID, SSO_CLIENT_SECRET: not set'],
      [{ ...SSO, SSO_USERINFO_URL: 'id.acme.test/userinfo' }, 'SSO_USERINFO_URL=id.acme.test/userinfo: expected an http(s) URL'],
      [{ ...SSO, SSO_NAME: 'x'.repeat(61) }, `SSO_NAME=${'x'.repeat(61)}: use at most 60 characters`],
    ])('stops at %j, naming what is wrong', (env, message) => {
      const line = errorOf(env);
      expect(line.startsWith(message)).toBe(true);
      expect(line).not.toContain('a-client-secret');
    });
  });
});
