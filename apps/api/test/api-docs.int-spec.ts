import SwaggerParser from '@apidevtools/swagger-parser';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config/app-config';
import { freshDatabase, type TestDatabase } from './support/databases';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** GET /admin/api/docs (Swagger UI) and /admin/api/docs/openapi.json, next to a built console. */
describe('the back-office API documentation', () => {
  let database: TestDatabase;
  let app: NestFastifyApplication;
  let baseUrl: string;
  /** Every route the framework registered, as `METHOD /path/{param}`. */
  const registered = new Set<string>();

  beforeAll(async () => {
    database = await freshDatabase();
    const dir = mkdtempSync(join(tmpdir(), 'keyhouse-docs-'));
    const consoleDir = join(dir, 'admin');
    mkdirSync(join(consoleDir, 'assets'), { recursive: true });
    writeFileSync(join(consoleDir, 'index.html'), '<!doctype html><title>console</title>');
    writeFileSync(join(consoleDir, 'assets', 'index-abc123.js'), 'console.log("console")');
    const config = loadConfig({
      DATABASE_URL: database.url,
      ADMIN_PASSWORD: 'docs-admin-password',
      OAUTH_PRIVATE_KEY_PATH: join(dir, 'private.pem'),
      OAUTH_PUBLIC_KEY_PATH: join(dir, 'public.pem'),
    });
    app = await createApp(config, { consoleDistDir: consoleDir, logLevels: ['error'] });
    app.getHttpAdapter().getInstance().addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) registered.add(`${method} ${route.url.replace(/:(\w+)/g, '{$1}')}`);
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  const documented = async () => {
    const response = await fetch(`${baseUrl}/admin/api/docs/openapi.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    return (await response.json()) as OpenAPIObject;
  };

  it('is a valid OpenAPI 3 document, served without signing in', async () => {
    const document = await documented();
    expect(document.openapi).toMatch(/^3\./);
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeDefined();
  });

  it('lists every /admin/api route with its method, and nothing else', async () => {
    const document = await documented();
    const listed = Object.entries(document.paths).flatMap(([path, item]) =>
      METHODS.filter((method) => method in item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const expected = [...registered].filter((route) => /^(GET|POST|PUT|PATCH|DELETE) \/admin\/api\//.test(route) && !route.includes('/admin/api/docs'));
    expect(listed.sort()).toEqual([...new Set(expected)].sort());
    expect(listed).toEqual(expect.arrayContaining(['GET /admin/api/oauth-applications', 'POST /admin/api/oauth-applications/{id}/deactivate', 'POST /admin/api/session']));
  });

  it('documents the cookie with its CSRF header, Bearer tokens, the list parameters and Content-Range', async () => {
    const document = await documented();
    expect(document.components?.securitySchemes).toMatchObject({
      session: { type: 'apiKey', in: 'cookie', name: 'keyhouse_session' },
      csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
      bearer: { type: 'http', scheme: 'bearer' },
    });
    const list = document.paths['/admin/api/oauth-applications'].get;
    expect(list?.parameters?.map((parameter) => ('$ref' in parameter ? parameter.$ref : parameter.name))).toEqual([
      '#/components/parameters/filter',
      '#/components/parameters/sort',
      '#/components/parameters/range',
    ]);
    expect(list?.responses['200']).toMatchObject({ headers: { 'Content-Range': { $ref: '#/components/headers/Content-Range' } } });
    expect(document.paths['/admin/api/oauth-applications'].post?.security).toEqual([{ session: [], csrf: [] }, { bearer: [] }]);
    expect(document.paths['/admin/api/session'].post?.security).toEqual([]);
  });

  it('serves Swagger UI, whose every stylesheet and script loads', async () => {
    const page = await fetch(`${baseUrl}/admin/api/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('<title>Keyhouse back-office API</title>');
    const assets = [...html.matchAll(/(?:href|src)=['"]([^'"]+\.(?:css|js))['"]/g)].map(([, url]) => new URL(url, `${baseUrl}/admin/api/docs`).pathname);
    expect(assets).toEqual(expect.arrayContaining([expect.stringMatching(/swagger-ui-bundle\.js$/), expect.stringMatching(/swagger-ui-init\.js$/)]));
    for (const asset of assets) {
      const response = await fetch(`${baseUrl}${asset}`);
      // Read to the end: an unread 1 MB body stalls its connection, and the app's close with it.
      expect([asset, response.status, (await response.arrayBuffer()).byteLength > 0]).toEqual([asset, 200, true]);
    }
    const init = await (await fetch(`${baseUrl}${assets.find((asset) => asset.endsWith('swagger-ui-init.js'))}`)).text();
    expect(init).toContain('/admin/api/oauth-applications');
  });

  it('leaves the console and its API as they were', async () => {
    expect((await fetch(`${baseUrl}/admin/`)).status).toBe(200);
    expect((await fetch(`${baseUrl}/admin/users/3/show`)).status).toBe(200);
    expect((await fetch(`${baseUrl}/admin/assets/index-abc123.js`)).status).toBe(200);
    expect((await fetch(`${baseUrl}/admin/api/users`)).status).toBe(401);
    expect((await fetch(`${baseUrl}/admin/api/nothing-here`)).status).toBe(404);
  });
});
