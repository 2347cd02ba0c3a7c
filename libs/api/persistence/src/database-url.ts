/** Where the data lives, as parsed from `DATABASE_URL`. */
export type DatabaseSettings =
  | { dialect: 'sqlite'; file: string }
  | { dialect: 'mysql'; host: string; port: number; user: string; password: string; database: string };

export class DatabaseUrlError extends Error {}

const EXPECTED = 'expected sqlite:<file> or mysql://user:pass@host:3306/db';

export function parseDatabaseUrl(raw: string): DatabaseSettings {
  if (raw.startsWith('sqlite:')) {
    const file = raw.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (!file) throw new DatabaseUrlError(`sqlite needs a file path (${EXPECTED})`);
    return { dialect: 'sqlite', file };
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new DatabaseUrlError(`not a URL (${EXPECTED})`);
  }
  if (url.protocol !== 'mysql:') {
    throw new DatabaseUrlError(`unsupported scheme "${url.protocol}" (${EXPECTED})`);
  }
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!url.hostname) throw new DatabaseUrlError(`mysql URL needs a host (${EXPECTED})`);
  if (!/^[A-Za-z0-9_$-]+$/.test(database)) {
    throw new DatabaseUrlError(`mysql URL needs a database name made of letters, digits, _ $ - (${EXPECTED})`);
  }
  return {
    dialect: 'mysql',
    host: url.hostname,
    port: url.port ? Number(url.port) : 3306,
    user: decodeURIComponent(url.username) || 'root',
    password: decodeURIComponent(url.password),
    database,
  };
}

/** The settings as safe to print: never the password. */
export function describeDatabase(settings: DatabaseSettings): string {
  return settings.dialect === 'sqlite'
    ? `sqlite:${settings.file}`
    : `mysql://${settings.user}@${settings.host}:${settings.port}/${settings.database}`;
}
