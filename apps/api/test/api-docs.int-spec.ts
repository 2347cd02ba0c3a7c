import SwaggerParser from '@apidevtools/swagger-parser';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { OpenAPIObject, RequestBodyObject, ResponseObject, SchemaObject } from '@nestjs/swagger';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config/app-config';
import { freshDatabase, type TestDatabase } from './support/databases';
import type { HttpClient } from './support/http-client';
import { fetchDocument, OpenApiSchemas, operationsOf, type HttpMethod } from './support/openapi';
import { startTestApp, type TestApp } from './support/test-app';

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

  it('names a class for every answer: each success, and the error shapes for each failure', async () => {
    const document = await documented();
    const schemaOf = (response: unknown) => (response as ResponseObject).content?.['application/json']?.schema as { $ref?: string; type?: string; items?: { $ref?: string } } | undefined;
    const unnamed: string[] = [];
    for (const { method, path, operation } of operationsOf(document)) {
      for (const [status, response] of Object.entries(operation.responses)) {
        const schema = schemaOf(response);
        const named = schema?.$ref ?? (schema?.type === 'array' ? schema.items?.$ref : undefined);
        // No content, and redirects (single sign-on's), carry no body.
        const expected = status === '204' || status.startsWith('3') ? undefined : status === '400' ? '#/components/schemas/ValidationErrorAnswer' : Number(status) >= 400 ? /ErrorAnswer$/ : /Answer$/;
        if (expected === undefined ? schema !== undefined : !named?.match(expected)) unnamed.push(`${method.toUpperCase()} ${path} ${status}`);
      }
    }
    expect(unnamed).toEqual([]);
    for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) {
      // Every class describes its fields: no free-form object stands for an answer.
      if ('type' in schema && schema.type === 'object') expect([name, Object.keys(schema.properties ?? {}).length > 0]).toEqual([name, true]);
    }
  });

  it('names a class for every request body, closed to the fields it does not declare', async () => {
    const document = await documented();
    const bodies = operationsOf(document).flatMap(({ method, path, operation }) => {
      const schema = (operation.requestBody as RequestBodyObject | undefined)?.content['application/json']?.schema;
      return schema ? [[`${method.toUpperCase()} ${path}`, '$ref' in schema ? schema.$ref : 'not a class']] : [];
    });
    // Every operation that reads a body, and only those: the fuzzer's finding was the fourteen that took one declaring none.
    expect(bodies.map(([operation]) => operation).sort()).toEqual(
      [
        'POST /admin/api/session',
        'POST /admin/api/users',
        'PUT /admin/api/users/{id}',
        'POST /admin/api/organizations',
        'POST /admin/api/customer-users',
        'PUT /admin/api/customer-users/{id}',
        'POST /admin/api/roles',
        'PUT /admin/api/roles/{id}',
        'POST /admin/api/oauth-applications',
        'PUT /admin/api/oauth-applications/{id}',
        'POST /admin/api/oauth-applications/{id}/secrets',
        'POST /admin/api/apps/installed',
        'POST /admin/api/email-templates',
        'PUT /admin/api/email-templates/{id}',
        'POST /admin/api/email-templates/preview',
        'POST /admin/api/notification-rules',
        'PUT /admin/api/notification-rules/{id}',
      ].sort(),
    );
    for (const [operation, ref] of bodies) {
      const schema = document.components?.schemas?.[ref.split('/').pop() ?? ''] as SchemaObject | undefined;
      expect([operation, Object.keys(schema?.properties ?? {}).length > 0, schema?.additionalProperties]).toEqual([operation, true, false]);
    }
  });

  it('types path ids as the whole numbers the API takes, and the list parameters as JSON', async () => {
    const document = await documented();
    for (const { operation } of operationsOf(document)) {
      for (const parameter of operation.parameters ?? []) {
        if ('in' in parameter && parameter.in === 'path') expect(parameter.schema).toEqual({ type: 'integer', minimum: 1, maximum: 2147483647 });
      }
    }
    expect(document.components?.parameters?.['sort']).toMatchObject({ in: 'query', content: { 'application/json': { schema: { type: 'array' } } } });
    expect(document.paths['/admin/api/oauth-applications/{id}/usage'].get?.parameters).toContainEqual(
      expect.objectContaining({ name: 'days', in: 'query', required: false, schema: expect.objectContaining({ type: 'integer' }) }),
    );
  });

  it.each([
    ['post', '/admin/api/session', ['200', '400', '401', '413', '415', '429']],
    ['get', '/admin/api/session', ['200', '401']],
    ['post', '/admin/api/oauth-applications/{id}/secrets', ['201', '400', '401', '403', '404', '409', '413', '415']],
    ['post', '/admin/api/apps/installed', ['201', '400', '401', '403', '404', '413', '415']],
    ['get', '/admin/api/system/oauth', ['200', '401']],
    ['get', '/admin/api/oauth-installations', ['200', '400', '401']],
    ['get', '/admin/api/oauth-applications/summary', ['200', '401', '403']],
  ] as const)('documents what %s %s answers, and nothing else', async (method, path, statuses) => {
    const document = await documented();
    expect(Object.keys(document.paths[path][method]?.responses ?? {})).toEqual(statuses);
  });

  it('names the console session alone as the way in to GET /admin/api/session (a Bearer token is refused)', async () => {
    const document = await documented();
    expect(document.paths['/admin/api/session'].get?.security).toEqual([{ session: [] }]);
    expect(document.paths['/admin/api/session'].delete?.security).toEqual([{ session: [], csrf: [] }, { bearer: [] }]);
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

/** Real requests and answers, checked against the document's schemas. */
describe('the back-office API as documented', () => {
  let t: TestApp;
  let admin: HttpClient;
  let schemas: OpenApiSchemas;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.signedIn();
    schemas = new OpenApiSchemas(await fetchDocument(t.baseUrl));
  });
  afterAll(() => t.close());

  /** The answer's problems with the document: its status not documented for the operation, or its body unlike the schema. */
  async function asDocumented(method: HttpMethod, path: string, template = path, body?: unknown) {
    const answer = await admin.request(method.toUpperCase(), path, body, {});
    return { status: answer.status, headers: answer.headers, body: answer.body, problems: schemas.answerProblems(method, template, answer.status, answer.body) };
  }

  it('describes everything with schemas that a strict JSON Schema validator compiles', () => {
    const uncompiled = Object.keys(schemas.components).flatMap((name) => {
      try {
        schemas.problems(schemas.component(name), null);
        return [];
      } catch (error) {
        return [`${name}: ${(error as Error).message}`];
      }
    });
    expect(uncompiled).toEqual([]);
  });

  it('signs in, and shows the session and the user', async () => {
    const signIn = await t.client().post('/admin/api/session', { username: 'admin', password: 'integration-admin-password' });
    expect(schemas.answerProblems('post', '/admin/api/session', signIn.status, signIn.body)).toEqual([]);
    expect(signIn.status).toBe(200);
    expect(await asDocumented('get', '/admin/api/session')).toMatchObject({ status: 200, problems: [] });
    expect(await asDocumented('get', '/admin/api/me')).toMatchObject({ status: 200, problems: [] });
  });

  it('lists a page of each resource with its Content-Range', async () => {
    for (const resource of ['users', 'organizations', 'roles', 'oauth-applications', 'email-templates', 'notification-rules', 'audit-events']) {
      const page = await asDocumented('get', `/admin/api/${resource}?range=${encodeURIComponent('[0,4]')}`, `/admin/api/${resource}`);
      expect([resource, page.status, page.problems]).toEqual([resource, 200, []]);
      expect(page.headers.get('content-range')).toMatch(new RegExp(`^${resource} `));
    }
  });

  async function createApplication(name: string) {
    const organizationId = (await admin.get<Array<{ id: number }>>('/admin/api/organizations')).body[0].id;
    const body = { name, organizationId, grants: ['authorization_code'], redirectUris: ['https://app.example.com/callback'], scopes: ['read'] };
    return asDocumented('post', '/admin/api/oauth-applications', '/admin/api/oauth-applications', body);
  }

  it('creates an application, shows its secret once, its usage and its audit trail', async () => {
    const created = await createApplication('Docs check');
    expect(created).toMatchObject({ status: 201, problems: [] });
    const id = (created.body as { id: number }).id;
    const item = (suffix: string, query = '') => [`/admin/api/oauth-applications/${id}${suffix}${query}`, `/admin/api/oauth-applications/{id}${suffix}`] as const;
    expect(await asDocumented('get', ...item(''))).toMatchObject({ status: 200, problems: [] });
    expect(await asDocumented('post', ...item('/secrets'), {})).toMatchObject({ status: 201, problems: [] });
    expect(await asDocumented('get', ...item('/secrets'))).toMatchObject({ status: 200, problems: [] });
    expect(await asDocumented('get', ...item('/usage', '?days=7'))).toMatchObject({ status: 200, problems: [] });
    expect(await asDocumented('get', '/admin/api/oauth-applications/summary')).toMatchObject({ status: 200, problems: [] });
    expect(await asDocumented('get', '/admin/api/audit-events?range=[0,9]', '/admin/api/audit-events')).toMatchObject({ status: 200, problems: [] });
  });

  it('answers refusals in the documented error shapes', async () => {
    expect(await asDocumented('get', '/admin/api/users/1.5', '/admin/api/users/{id}')).toMatchObject({ status: 400, problems: [] });
    expect(await asDocumented('get', '/admin/api/users/2147483647', '/admin/api/users/{id}')).toMatchObject({ status: 404, problems: [] });
    expect(await asDocumented('get', '/admin/api/users?sort=name', '/admin/api/users')).toMatchObject({ status: 400, problems: [] });
    expect(await asDocumented('post', '/admin/api/users', '/admin/api/users', [1, 2])).toMatchObject({ status: 400, problems: [] });
    const stranger = await t.client().get('/admin/api/me');
    expect(schemas.answerProblems('get', '/admin/api/me', stranger.status, stranger.body)).toEqual([]);
  });

  it('answers the statuses the fuzzer found undocumented, as documented now', async () => {
    const stranger = t.client();
    const signIn = (body: string, type: string) => stranger.request('POST', '/admin/api/session', body, { 'content-type': type });
    const wrongPassword = await signIn(JSON.stringify({ username: 'admin', password: 'not-the-password' }), 'application/json');
    expect([wrongPassword.status, schemas.answerProblems('post', '/admin/api/session', wrongPassword.status, wrongPassword.body)]).toEqual([401, []]);
    const asForm = await signIn('username=admin&password=not-the-password', 'application/x-www-form-urlencoded');
    expect([asForm.status, schemas.answerProblems('post', '/admin/api/session', asForm.status, asForm.body)]).toEqual([415, []]);

    const unknownApp = await asDocumented('post', '/admin/api/apps/installed', '/admin/api/apps/installed', { integrationName: 'no-such-app' });
    expect(unknownApp).toMatchObject({ status: 404, problems: [] });

    const id = ((await createApplication('Many secrets')).body as { id: number }).id;
    const addSecret = () => asDocumented('post', `/admin/api/oauth-applications/${id}/secrets`, '/admin/api/oauth-applications/{id}/secrets', {});
    const statuses: number[] = [];
    for (let added = 0; added < 5; added++) statuses.push((await addSecret()).status);
    // The secret made with the application and four more are live: a sixth is one too many.
    expect(statuses).toEqual([201, 201, 201, 201, 409]);
    expect(await addSecret()).toMatchObject({ status: 409, problems: [] });
  });

  it('answers a method a path does not take as its reusable 405 says', async () => {
    const answer = await admin.request('PATCH', '/admin/api/users/1', {}, {});
    expect(answer.status).toBe(405);
    const documented = schemas.responseComponent('#/components/responses/MethodNotAllowed');
    expect(documented.headers).toHaveProperty('Allow');
    expect(schemas.responseProblems(documented, answer.body)).toEqual([]);
  });
});
