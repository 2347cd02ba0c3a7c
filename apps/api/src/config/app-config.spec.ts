import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from './app-config';
import { ConfigError } from './env-readers';

const emptyDir = mkdtempSync(join(tmpdir(), 'keyhouse-config-'));
// Key paths that do not exist, so the defaults never depend on the working directory.
const base = { OAUTH_PRIVATE_KEY_PATH: join(emptyDir, 'private.pem'), OAUTH_PUBLIC_KEY_PATH: join(emptyDir, 'public.pem') };

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
    expect(config.server).toEqual({ port: 3000, host: '0.0.0.0', issuer: 'http://localhost:3000', trustProxy: false });
    expect(config.database).toEqual({ dialect: 'sqlite', file: 'var/keyhouse.sqlite', waitSeconds: 30 });
    expect(config.keys).toEqual({ privateKeyPath: 'var/oauth_private.key', publicKeyPath: 'var/oauth_public.key', generate: true });
    expect(config.tokens).toEqual({
      accessTokenTtl: 3600,
      refreshTokenTtl: 2592000,
      authCodeTtl: 600,
      refreshTokensEnabled: true,
      passwordGrantEnabled: true,
    });
    expect(config.mail).toEqual({ smtpUrl: undefined, from: 'keyhouse@localhost' });
    expect(config.identity.firstAdmin).toEqual({ username: 'admin', email: 'admin@example.com', password: undefined });
  });

  it('derives the issuer from PORT and does not generate keys in production', () => {
    const config = loadConfig({ PORT: '8080', NODE_ENV: 'production' });
    expect(config.server.issuer).toBe('http://localhost:8080');
    expect(config.keys.generate).toBe(false);
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: ' ' }).server.port).toBe(3000);
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
    [{ OAUTH_PRIVATE_KEY_PATH: emptyDir }, `OAUTH_PRIVATE_KEY_PATH=${emptyDir}: is a directory, expected a PEM key file`],
  ])('refuses %j with one line naming the variable', (env, message) => {
    const line = errorOf(env);
    expect(line.startsWith(message)).toBe(true);
    expect(line).not.toContain('\n');
  });

  it('never prints a password, in a URL or on its own', () => {
    expect(errorOf({ DATABASE_URL: 'mysql://app:hunter2hunter2@db/' })).not.toContain('hunter2');
    expect(errorOf({ SMTP_URL: 'ftp://u:hunter2hunter2@mail' })).not.toContain('hunter2');
    expect(errorOf({ ADMIN_PASSWORD: 'hunter2' })).toBe('ADMIN_PASSWORD: must be at least 12 characters long');
  });
});
