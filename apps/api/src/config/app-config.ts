import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { DatabaseUrlError, parseDatabaseUrl, type DatabaseSettings } from '@keyhouse/api-persistence';
import type { ApplicationsOptions, ThrottlePolicy } from '@keyhouse/api-applications';
import type { AuditOptions } from '@keyhouse/api-audit';
import { isSigningAlgorithm, SIGNING_ALGORITHMS, type KeysOptions, type SigningAlgorithm } from '@keyhouse/api-keys';
import type { IdentityOptions, SingleSignOnOptions } from '@keyhouse/api-identity';
import type { ProxyTrust } from '@keyhouse/api-platform';
import { isUsername } from '@keyhouse/shared-contracts';
import { ConfigError, read, readBoolean, readEmail, readHttpUrl, readInteger, readProxyTrust, redactUrl, type Env } from './env-readers';

/** Everything configurable, validated once at boot (DESIGN.md section 2, plus the documented extensions). */
export interface AppConfig {
  /** shutdownDelaySeconds: how long a stopping instance reports itself not ready, still serving, before it closes (SHUTDOWN_DELAY_SECONDS). */
  server: { port: number; host: string; issuer: string; trustProxy: ProxyTrust; shutdownDelaySeconds: number };
  /** Processes serving the port (node:cluster); 1: this process serves it alone. */
  workers: number;
  database: DatabaseSettings & { waitSeconds: number };
  keys: KeysOptions;
  tokens: {
    accessTokenTtl: number;
    refreshTokenTtl: number;
    authCodeTtl: number;
    refreshTokensEnabled: boolean;
    passwordGrantEnabled: boolean;
    clientAuthThrottle: ThrottlePolicy;
  };
  mail: { smtpUrl?: string; from: string };
  identity: IdentityOptions;
  applications: ApplicationsOptions;
  /** Seconds between two runs of the expired-rows cleanup in each instance; 0: never. */
  cleanup: { intervalSeconds: number };
  metrics: { bearerToken?: string };
  audit: AuditOptions;
}

const DAY = 86_400;

export function loadConfig(env: Env): AppConfig {
  const server = serverConfig(env);
  return {
    server,
    workers: workersConfig(env),
    database: databaseConfig(env),
    keys: keysConfig(env),
    tokens: {
      accessTokenTtl: readInteger(env, 'ACCESS_TOKEN_TTL', 3600, { min: 60, max: DAY }),
      refreshTokenTtl: readInteger(env, 'REFRESH_TOKEN_TTL', 30 * DAY, { min: 60, max: 365 * DAY }),
      authCodeTtl: readInteger(env, 'AUTH_CODE_TTL', 600, { min: 10, max: 3600 }),
      refreshTokensEnabled: readBoolean(env, 'REFRESH_TOKENS_ENABLED', true),
      passwordGrantEnabled: readBoolean(env, 'PASSWORD_GRANT_ENABLED', true),
      clientAuthThrottle: {
        // 0 turns the throttle off (wrong secrets are still counted and shown).
        maxFailures: readInteger(env, 'CLIENT_AUTH_MAX_FAILURES', 10, { min: 0, max: 100_000 }),
        periodSeconds: readInteger(env, 'CLIENT_AUTH_LOCK_SECONDS', 900, { min: 1, max: DAY }),
      },
    },
    mail: mailConfig(env),
    identity: identityConfig(env, server.issuer),
    applications: {
      // 0 turns the warning off; a year ahead is as early as a warning still means something.
      secretExpiryWarningDays: readInteger(env, 'SECRET_EXPIRY_WARNING_DAYS', 7, { min: 0, max: 365 }),
      dormancy: dormancyConfig(env),
    },
    cleanup: { intervalSeconds: readInteger(env, 'CLEANUP_INTERVAL_SECONDS', 3600, { min: 0, max: 7 * DAY }) },
    metrics: { bearerToken: metricsToken(env) },
    // 0 keeps the trail forever; otherwise at least a month, the least an audit is useful for.
    audit: { retentionDays: retentionDays(env) },
  };
}

function retentionDays(env: Env): number {
  const days = readInteger(env, 'AUDIT_RETENTION_DAYS', 365, { min: 0, max: 36_500 });
  if (days > 0 && days < 30) throw new ConfigError('AUDIT_RETENTION_DAYS: use 0 (keep forever) or at least 30 days');
  return days;
}

/**
 * DORMANT_DEACTIVATE_AFTER_DAYS counts from the warning email, not from the last use: however long
 * an application was idle when the policy was switched on, its owner gets that many days' notice.
 */
function dormancyConfig(env: Env): ApplicationsOptions['dormancy'] {
  const afterDays = readInteger(env, 'DORMANT_AFTER_DAYS', 90, { min: 1, max: 3650 });
  const policyOn = read(env, 'DORMANT_DEACTIVATE_AFTER_DAYS') !== undefined;
  return { afterDays, deactivateAfterDays: policyOn ? readInteger(env, 'DORMANT_DEACTIVATE_AFTER_DAYS', 0, { min: 1, max: 365 }) : null };
}

/** A Bearer token (RFC 6750 b64token) long enough not to be guessed; the value itself is never printed. */
function metricsToken(env: Env): string | undefined {
  const token = read(env, 'METRICS_TOKEN');
  if (token !== undefined && !/^[A-Za-z0-9\-._~+/]{16,}=*$/.test(token)) {
    throw new ConfigError('METRICS_TOKEN: use at least 16 letters, digits or -._~+/ (a Bearer token)');
  }
  return token;
}

function serverConfig(env: Env): AppConfig['server'] {
  const port = readInteger(env, 'PORT', 3000, { min: 1, max: 65535 });
  const host = read(env, 'HOST') ?? '0.0.0.0';
  const issuer = read(env, 'ISSUER') ?? `http://localhost:${port}`;
  let url: URL | undefined;
  try {
    url = new URL(issuer);
  } catch {
    url = undefined;
  }
  if (!url || !['http:', 'https:'].includes(url.protocol) || url.search || url.hash || issuer.endsWith('/')) {
    throw new ConfigError(`ISSUER=${issuer}: expected an http(s) URL without query, fragment or trailing slash`);
  }
  return {
    port,
    host,
    issuer,
    trustProxy: readProxyTrust(env, 'TRUST_PROXY'),
    shutdownDelaySeconds: readInteger(env, 'SHUTDOWN_DELAY_SECONDS', 0, { min: 0, max: 300 }),
  };
}

/** More than this is a typo, not a machine: each worker holds its own database connections. */
const MAX_WORKERS = 256;

/**
 * WORKERS (DESIGN.md section 2): `auto`, one per core this process may use (the default in
 * production), or a number; 1, the default otherwise, is one process with no cluster at all.
 */
export function workersConfig(env: Env, cores = availableParallelism()): number {
  const raw = read(env, 'WORKERS') ?? (read(env, 'NODE_ENV') === 'production' ? 'auto' : '1');
  if (raw.toLowerCase() === 'auto') return cores;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > MAX_WORKERS) {
    throw new ConfigError(`WORKERS=${raw}: expected auto (one per core) or a whole number from 1 to ${MAX_WORKERS}`);
  }
  return Number(raw);
}

function databaseConfig(env: Env): AppConfig['database'] {
  const raw = read(env, 'DATABASE_URL') ?? 'sqlite:var/keyhouse.sqlite';
  const waitSeconds = readInteger(env, 'DATABASE_WAIT_SECONDS', 30, { min: 0, max: 3600 });
  try {
    return { ...parseDatabaseUrl(raw), waitSeconds };
  } catch (error) {
    if (error instanceof DatabaseUrlError) throw new ConfigError(`DATABASE_URL=${redactUrl(raw)}: ${error.message}`);
    throw error;
  }
}

function keysConfig(env: Env): AppConfig['keys'] {
  return {
    privateKeyPath: keyPath(env, 'OAUTH_PRIVATE_KEY_PATH', 'var/oauth_private.key'),
    publicKeyPath: keyPath(env, 'OAUTH_PUBLIC_KEY_PATH', 'var/oauth_public.key'),
    algorithm: signingAlgorithm(env),
    generate: readBoolean(env, 'OAUTH_GENERATE_KEYS', read(env, 'NODE_ENV') !== 'production'),
  };
}

/** RS256 is Oro's, so the default; the names are JWS's (RFC 7518 3.1, RFC 8037 3.1), case included. */
function signingAlgorithm(env: Env): SigningAlgorithm {
  const raw = read(env, 'OAUTH_SIGNING_ALG') ?? 'RS256';
  if (!isSigningAlgorithm(raw)) {
    throw new ConfigError(`OAUTH_SIGNING_ALG=${raw}: expected ${SIGNING_ALGORITHMS.slice(0, -1).join(', ')} or ${SIGNING_ALGORITHMS.at(-1)}`);
  }
  return raw;
}

/** A missing key file is a state the console reports; a path that exists but cannot be read is a mistake. */
function keyPath(env: Env, name: string, fallback: string): string {
  const path = read(env, name) ?? fallback;
  if (!existsSync(path)) return path;
  if (statSync(path).isDirectory()) throw new ConfigError(`${name}=${path}: is a directory, expected a PEM key file`);
  try {
    accessSync(path, constants.R_OK);
  } catch {
    throw new ConfigError(`${name}=${path}: the file exists but cannot be read by this process`);
  }
  return path;
}

function mailConfig(env: Env): AppConfig['mail'] {
  const smtpUrl = read(env, 'SMTP_URL');
  if (smtpUrl !== undefined && !/^smtps?:\/\/[^/]+/.test(smtpUrl)) {
    throw new ConfigError(`SMTP_URL=${redactUrl(smtpUrl)}: expected smtp://user:pass@host:587 or smtps://...`);
  }
  return { smtpUrl, from: readEmail(env, 'MAIL_FROM', 'keyhouse@localhost') };
}

function identityConfig(env: Env, issuer: string): IdentityOptions {
  const username = read(env, 'ADMIN_USERNAME') ?? 'admin';
  if (!isUsername(username)) {
    throw new ConfigError(`ADMIN_USERNAME=${username}: use 1 to 180 letters, digits, dots, dashes, underscores or @`);
  }
  const password = read(env, 'ADMIN_PASSWORD');
  if (password !== undefined && password.length < 12) {
    // The value itself is never printed.
    throw new ConfigError('ADMIN_PASSWORD: must be at least 12 characters long');
  }
  return {
    session: {
      ttlSeconds: readInteger(env, 'SESSION_TTL', 8 * 3600, { min: 300, max: 30 * DAY }),
      secureCookie: issuer.startsWith('https:'),
    },
    signInThrottle: {
      maxFailuresPerUser: readInteger(env, 'SIGN_IN_MAX_FAILURES', 5, { min: 1, max: 1000 }),
      maxFailuresPerIp: readInteger(env, 'SIGN_IN_MAX_FAILURES_PER_IP', 50, { min: 1, max: 100_000 }),
      windowSeconds: readInteger(env, 'SIGN_IN_WINDOW', 900, { min: 1, max: DAY }),
    },
    firstAdmin: { username, email: readEmail(env, 'ADMIN_EMAIL', 'admin@example.com'), password },
    sso: ssoConfig(env, issuer),
  };
}

const SSO_REQUIRED = ['SSO_NAME', 'SSO_AUTHORIZATION_URL', 'SSO_TOKEN_URL', 'SSO_USERINFO_URL', 'SSO_CLIENT_ID', 'SSO_CLIENT_SECRET'];
const SSO_OPTIONAL = ['SSO_SCOPE', 'SSO_EMAIL_FIELD'];
const MAX_SSO_NAME_LENGTH = 60;

/**
 * Console single sign-on: all of SSO_* or none of it. A partial set is a half-done setup, and
 * starting without the button would hide it. The client secret is never printed.
 */
function ssoConfig(env: Env, issuer: string): SingleSignOnOptions | undefined {
  const given = [...SSO_REQUIRED, ...SSO_OPTIONAL].filter((name) => read(env, name) !== undefined);
  if (!given.length) return undefined;
  const missing = SSO_REQUIRED.filter((name) => !given.includes(name));
  if (missing.length) {
    throw new ConfigError(`${missing.join(', ')}: not set; single sign-on needs all of ${SSO_REQUIRED.join(', ')} (or none of them)`);
  }
  const name = read(env, 'SSO_NAME') as string;
  if (name.length > MAX_SSO_NAME_LENGTH) throw new ConfigError(`SSO_NAME=${name}: use at most ${MAX_SSO_NAME_LENGTH} characters (it is the sign-in button's label)`);
  const scope = read(env, 'SSO_SCOPE');
  return {
    name,
    authorizationUrl: readHttpUrl(env, 'SSO_AUTHORIZATION_URL'),
    tokenUrl: readHttpUrl(env, 'SSO_TOKEN_URL'),
    userinfoUrl: readHttpUrl(env, 'SSO_USERINFO_URL'),
    clientId: read(env, 'SSO_CLIENT_ID') as string,
    clientSecret: read(env, 'SSO_CLIENT_SECRET') as string,
    ...(scope ? { scope } : {}),
    emailField: read(env, 'SSO_EMAIL_FIELD') ?? 'email',
    callbackUrl: `${issuer}/admin/api/session/sso/callback`,
  };
}
