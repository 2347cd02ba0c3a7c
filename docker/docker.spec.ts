import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDatabaseUrl } from '@keyhouse/api-persistence';
import { parse } from 'yaml';

// No Docker engine runs on the build machines, so the files are checked for what matters statically.
const root = join(__dirname, '..');

interface Service {
  image?: string;
  build?: { context: string; dockerfile: string };
  extends?: { file: string; service: string };
  entrypoint?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  deploy?: { replicas?: number };
  stop_grace_period?: string;
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

describe('docker/compose.cluster.yaml', () => {
  const read = (file: string) => readFileSync(join(root, 'docker', file), 'utf8');
  const single = parse(read('compose.yaml')) as { services: Record<string, Service> };
  const cluster = parse(read('compose.cluster.yaml')) as {
    name: string;
    services: Record<string, Service>;
    volumes: Record<string, unknown>;
  };
  const { keys, keyhouse, haproxy } = cluster.services;
  const env = Object.fromEntries(Object.entries(keyhouse.environment ?? {}).map(([k, v]) => [k, interpolate(String(v))]));
  const haproxyCfg = read('haproxy.cfg');
  const dockerfile = read('Dockerfile');
  const seconds = (value: string) => Number(/^(\d+)s$/.exec(value)?.[1]);

  it('is a stack of its own, so the default `docker compose up` is unchanged', () => {
    expect(cluster.name).not.toBe('keyhouse');
    expect(Object.keys(single.services)).toEqual(['mysql', 'mail', 'keyhouse']);
  });

  it('runs three replicas of the app built from docker/Dockerfile, reachable only through HAProxy', () => {
    expect(keyhouse.deploy?.replicas).toBe(3);
    expect(keyhouse.build).toEqual({ context: '..', dockerfile: 'docker/Dockerfile' });
    expect(keyhouse.ports).toBeUndefined();
    // The mail catcher's port comes with it from compose.yaml.
    expect(Object.entries(cluster.services).filter(([, service]) => service.ports).map(([name]) => name)).toEqual(['haproxy']);
  });

  it('uses the default stack\'s MySQL and mail catcher, and wires DATABASE_URL to that MySQL', () => {
    expect(cluster.services['mysql'].extends).toEqual({ file: 'compose.yaml', service: 'mysql' });
    expect(cluster.services['mail'].extends).toEqual({ file: 'compose.yaml', service: 'mail' });
    const mysqlEnv = Object.fromEntries(Object.entries(single.services['mysql'].environment ?? {}).map(([k, v]) => [k, interpolate(String(v))]));
    expect(parseDatabaseUrl(env['DATABASE_URL'])).toEqual(
      expect.objectContaining({ host: 'mysql', user: mysqlEnv['MYSQL_USER'], password: mysqlEnv['MYSQL_PASSWORD'], database: mysqlEnv['MYSQL_DATABASE'] }),
    );
    expect(keyhouse.depends_on?.['mysql']).toEqual({ condition: 'service_healthy' });
    expect(cluster.volumes).toHaveProperty('mysql-data');
  });

  it('shares one key pair: made once by the keys service, mounted read-only by every replica where it reads it', () => {
    const [volume, mountPoint] = (keys.volumes?.[0] ?? '').split(':');
    expect(keys.volumes).toEqual([`${volume}:${mountPoint}`]);
    expect(cluster.volumes).toHaveProperty(volume);
    // A new volume takes over the image's directory, which belongs to the user the image runs as.
    expect(dockerfile).toContain(`chown node:node ${mountPoint}`);
    expect(keys.build).toEqual(keyhouse.build);
    expect(keys.entrypoint?.join(' ')).toMatch(/test -f var\/oauth_private\.key \|\| node dist\/api\/apps\/api\/src\/cli\.js keys generate/);

    expect(keyhouse.volumes).toEqual([`${volume}:${mountPoint}:ro`]);
    expect(env['OAUTH_PRIVATE_KEY_PATH']).toBe(`${mountPoint}/oauth_private.key`);
    expect(env['OAUTH_PUBLIC_KEY_PATH']).toBe(`${mountPoint}/oauth_public.key`);
    expect(env['OAUTH_GENERATE_KEYS']).toBe('false');
    expect(keyhouse.depends_on?.['keys']).toEqual({ condition: 'service_completed_successfully' });
  });

  it('puts HAProxy in front: one server per replica, checked on /health/ready, the client address forwarded', () => {
    expect(haproxy.image).toMatch(/^haproxy:2\./);
    expect(haproxy.volumes).toContain('./haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro');
    const [, count, host, port] = /^\s*server-template \S+ (\d+) (\S+):(\d+)\s*$/m.exec(haproxyCfg) ?? [];
    expect({ count: Number(count), host, port }).toEqual({ count: keyhouse.deploy?.replicas, host: 'keyhouse', port: /\bPORT=(\d+)/.exec(dockerfile)?.[1] });
    expect(haproxyCfg).toMatch(/^\s*option httpchk GET \/health\/ready$/m);
    expect(haproxyCfg).toMatch(/^\s*balance roundrobin$/m);
    expect(haproxyCfg).toMatch(/^\s*option forwardfor$/m);
    expect(env['TRUST_PROXY']).toBe('true');
  });

  it('retries only requests no replica received, on another replica', () => {
    expect(haproxyCfg).toMatch(/^\s*option redispatch\b/m);
    expect(Number(/^\s*retries (\d+)$/m.exec(haproxyCfg)?.[1])).toBeGreaterThan(0);
    expect([...haproxyCfg.matchAll(/^\s*retry-on (.+)$/gm)].map((match) => match[1])).toEqual(['conn-failure']);
  });

  it('answers on the port the issuer names', () => {
    const bound = /^\s*bind :(\d+)$/m.exec(haproxyCfg)?.[1];
    expect(haproxy.ports).toEqual([`${new URL(env['ISSUER']).port}:${bound}`]);
  });

  it('lets HAProxy take a stopping replica out before it closes, and Docker wait for the drain', () => {
    const [, inter, fall] = /^\s*default-server .*\binter (\d+s) fall (\d+)\b/m.exec(haproxyCfg) ?? [];
    const delay = Number(env['SHUTDOWN_DELAY_SECONDS']);
    expect(delay).toBeGreaterThan(seconds(inter) * Number(fall));
    // The delay, then up to ten seconds for answers still being sent (SHUTDOWN_GRACE_MS).
    expect(seconds(keyhouse.stop_grace_period ?? '10s')).toBeGreaterThan(delay + 10);
  });
});
