import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDatabaseUrl } from '@keyhouse/api-persistence';
import { parse } from 'yaml';

// No Docker engine runs on the build machines, so the files are checked for what matters statically.
const root = join(__dirname, '..');

interface Service {
  image?: string;
  build?: { context: string; dockerfile: string };
  environment?: Record<string, string>;
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: unknown;
}

/** `${NAME:-default}` as compose resolves it with NAME unset. */
const interpolate = (value: string) => value.replace(/\$\{\w+:-([^}]*)\}/g, '$1');

describe('docker/compose.yaml', () => {
  const compose = parse(readFileSync(join(root, 'docker/compose.yaml'), 'utf8')) as {
    services: Record<string, Service>;
    volumes: Record<string, unknown>;
  };
  const { mysql, mail, keyhouse } = compose.services;
  const env = Object.fromEntries(Object.entries(keyhouse.environment ?? {}).map(([k, v]) => [k, interpolate(String(v))]));

  it('runs MySQL 8 on a named volume, with a health check', () => {
    expect(mysql.image).toMatch(/^mysql:8/);
    expect(mysql.volumes).toContain('mysql-data:/var/lib/mysql');
    expect(compose.volumes).toHaveProperty('mysql-data');
    expect(mysql.healthcheck).toBeDefined();
  });

  it('wires DATABASE_URL to the MySQL service, its database and its account', () => {
    const database = parseDatabaseUrl(env['DATABASE_URL']);
    const mysqlEnv = Object.fromEntries(Object.entries(mysql.environment ?? {}).map(([k, v]) => [k, interpolate(String(v))]));
    expect(database).toEqual({
      dialect: 'mysql',
      host: 'mysql',
      port: 3306,
      user: mysqlEnv['MYSQL_USER'],
      password: mysqlEnv['MYSQL_PASSWORD'],
      database: mysqlEnv['MYSQL_DATABASE'],
    });
    expect(keyhouse.depends_on?.['mysql']).toEqual({ condition: 'service_healthy' });
  });

  it('sends mail to the mail catcher', () => {
    expect(mail.image).toMatch(/mailpit/);
    expect(new URL(env['SMTP_URL']).hostname).toBe('mail');
  });

  it('builds the app from docker/Dockerfile and keeps its var/ on a volume', () => {
    expect(keyhouse.build).toEqual({ context: '..', dockerfile: 'docker/Dockerfile' });
    expect(existsSync(join(root, keyhouse.build?.dockerfile ?? ''))).toBe(true);
    expect(keyhouse.volumes).toContain('keyhouse-var:/app/var');
  });
});

describe('docker/Dockerfile', () => {
  const dockerfile = readFileSync(join(root, 'docker/Dockerfile'), 'utf8');
  const stages = dockerfile.split(/^FROM /m).slice(1);
  const runtime = stages.at(-1) ?? '';

  it('builds in one stage and runs from a smaller one', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(stages[0]).toMatch(/nx run-many -t build -p api,admin/);
    expect(runtime).toMatch(/npm prune --omit=dev|COPY --from=build \/app\/node_modules/);
  });

  it('runs as a non-root user and serves the API with the built console', () => {
    const user = runtime.match(/^USER (\S+)/m)?.[1];
    expect(user).toBeDefined();
    expect(['root', '0']).not.toContain(user);
    expect(runtime).toMatch(/COPY --from=build \/app\/dist\/admin \.\/dist\/admin/);
    expect(runtime).toMatch(/CMD \[.*"dist\/api\/apps\/api\/src\/main\.js"\]/);
  });
});
