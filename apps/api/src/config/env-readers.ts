import { ipRangeProblem, type ProxyTrust } from '@keyhouse/api-platform';

/** A configuration value that cannot be used; its message is the whole line printed at start-up. */
export class ConfigError extends Error {}

export type Env = Record<string, string | undefined>;

/** Reads one variable, treating an empty value as unset (as `FOO= npm start` means). */
export function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

export function readInteger(env: Env, name: string, fallback: number, { min, max }: { min: number; max: number }): number {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name}=${raw}: expected a whole number from ${min} to ${max}`);
  }
  return value;
}

const TRUE = ['true', '1', 'yes', 'on'];
const FALSE = ['false', '0', 'no', 'off'];

export function readBoolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  if (TRUE.includes(raw.toLowerCase())) return true;
  if (FALSE.includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name}=${raw}: expected true or false`);
}

const MAX_PROXY_HOPS = 100;

/**
 * TRUST_PROXY (DESIGN.md section 2): `false`, `true` (one proxy), a number of proxies, or the
 * proxies' addresses and CIDR ranges, comma-separated.
 */
export function readProxyTrust(env: Env, name: string): ProxyTrust {
  const raw = read(env, name);
  if (raw === undefined) return { hops: 0 };
  if (/^\d+$/.test(raw)) return { hops: readInteger(env, name, 0, { min: 0, max: MAX_PROXY_HOPS }) };
  if ([...TRUE, ...FALSE].includes(raw.toLowerCase())) return { hops: readBoolean(env, name, false) ? 1 : 0 };
  const proxies = raw.split(',').map((entry) => entry.trim());
  for (const proxy of proxies) {
    const problem = proxy === '' ? 'is empty' : ipRangeProblem(proxy);
    if (problem) {
      throw new ConfigError(`${name}=${raw}: expected true, false, a number of proxies or their addresses and CIDR ranges ("${proxy}" ${problem})`);
    }
  }
  return { proxies };
}

export function readEmail(env: Env, name: string, fallback: string): string {
  const value = read(env, name) ?? fallback;
  if (!/^[^\s@<>]+@[^\s@<>]+$/.test(value)) throw new ConfigError(`${name}=${value}: expected an email address`);
  return value;
}

/** An http(s) URL, required; its password, if any, is never printed. */
export function readHttpUrl(env: Env, name: string): string {
  const raw = read(env, name) ?? '';
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (!url || !['http:', 'https:'].includes(url.protocol)) throw new ConfigError(`${name}=${redactUrl(raw)}: expected an http(s) URL`);
  return raw;
}

/** Hides the password of a URL so the error line never leaks it. */
export function redactUrl(raw: string): string {
  return raw.replace(/(\/\/[^/:@]*:)[^@/]*@/, '$1***@');
}
