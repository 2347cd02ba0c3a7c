import type { OpenAPIObject } from '@nestjs/swagger';
import { completeDocument, type RouteFacts } from './api-docs';

const scanned: OpenAPIObject = {
  openapi: '3.0.0',
  info: { title: 'scan', version: '1' },
  paths: {
    '/health/live': { get: { operationId: 'HealthController_live', responses: { '200': { description: '' } } } },
    '/admin/api/session': {
      post: {
        operationId: 'SessionController_signIn',
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/SignInBody' } } } },
        responses: { '200': { description: '' }, '429': { description: 'Too many sign-ins.' } },
      },
      get: { operationId: 'SessionController_current', security: [{ session: [] }], responses: { '200': { description: '' } } },
    },
    '/admin/api/users': {
      get: {
        operationId: 'UsersController_list',
        responses: { '200': { description: '', content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/UserAnswer' } } } } } },
      },
    },
    '/admin/api/users/{id}': {
      get: { operationId: 'UsersController_get', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'number' } }], responses: { '200': { description: '' } } },
      put: {
        operationId: 'UsersController_update',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'number' } }],
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/UpdateUserBody' } } } },
        responses: { '200': { description: '' } },
      },
    },
    '/admin/api/system/oauth': { get: { operationId: 'SystemOAuthController_availability', responses: { '200': { description: '' } } } },
    '/admin/api/oauth-applications/{id}/deactivate': {
      post: {
        operationId: 'OAuthApplicationsController_deactivate',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'number' } }],
        responses: { '200': { description: '' } },
      },
    },
  },
  components: {
    schemas: {
      SignInBody: { type: 'object', properties: { username: { type: 'string' }, password: { type: 'string' } }, required: ['username', 'password'] },
      UpdateUserBody: { type: 'object', properties: { memberships: { type: 'array', items: { $ref: '#/components/schemas/MembershipBody' } } } },
      MembershipBody: { type: 'object', properties: { organizationId: { type: 'integer' } } },
      UserAnswer: { type: 'object', properties: { id: { type: 'integer' } } },
    },
  },
};

const route = (facts: Partial<RouteFacts>): RouteFacts => ({ public: false, operatorOnly: false, list: false, ids: [], body: false, ...facts });

const facts = new Map([
  ['SessionController_signIn', route({ public: true, body: true })],
  ['SessionController_current', route({})],
  ['UsersController_list', route({ permission: 'users.view', list: true })],
  ['UsersController_get', route({ permission: 'users.view', ids: ['id'] })],
  ['UsersController_update', route({ permission: 'users.edit', ids: ['id'], body: true })],
  ['SystemOAuthController_availability', route({})],
  ['OAuthApplicationsController_deactivate', route({ permission: 'oauth_applications.edit', ids: ['id'] })],
]);

describe('completeDocument', () => {
  const document = completeDocument(scanned, facts);

  it('keeps the back-office API only, tagged by resource', () => {
    expect(Object.keys(document.paths)).toEqual([
      '/admin/api/session',
      '/admin/api/users',
      '/admin/api/users/{id}',
      '/admin/api/system/oauth',
      '/admin/api/oauth-applications/{id}/deactivate',
    ]);
    expect(document.tags).toEqual([{ name: 'oauth-applications' }, { name: 'session' }, { name: 'system' }, { name: 'users' }]);
    expect(document.paths['/admin/api/users/{id}'].get?.tags).toEqual(['users']);
  });

  it('states how each route is authenticated: public, cookie or Bearer, and the CSRF header for unsafe methods', () => {
    expect(document.paths['/admin/api/session'].post?.security).toEqual([]);
    expect(document.paths['/admin/api/users'].get?.security).toEqual([{ session: [] }, { bearer: [] }]);
    expect(document.paths['/admin/api/oauth-applications/{id}/deactivate'].post?.security).toEqual([{ session: [], csrf: [] }, { bearer: [] }]);
    expect(document.paths['/admin/api/oauth-applications/{id}/deactivate'].post?.description).toBe('Needs the `oauth_applications.edit` permission.');
  });

  it('keeps the ways in a handler narrowed itself to', () => {
    expect(document.paths['/admin/api/session'].get?.security).toEqual([{ session: [] }]);
  });

  it('types the ids IdPipe reads as the whole numbers it accepts', () => {
    expect(document.paths['/admin/api/users/{id}'].get?.parameters).toEqual([
      { name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1, maximum: 2147483647 } },
    ]);
  });

  it.each([
    ['/admin/api/session', 'post', ['200', '400', '413', '415', '429']],
    ['/admin/api/session', 'get', ['200', '401']],
    ['/admin/api/users', 'get', ['200', '400', '401', '403']],
    ['/admin/api/users/{id}', 'get', ['200', '400', '401', '403', '404']],
    ['/admin/api/users/{id}', 'put', ['200', '400', '401', '403', '404', '413', '415']],
    ['/admin/api/system/oauth', 'get', ['200', '401']],
    ['/admin/api/oauth-applications/{id}/deactivate', 'post', ['200', '400', '401', '403', '404']],
  ] as const)('documents what %s %s answers, and nothing else', (path, method, statuses) => {
    expect(Object.keys(document.paths[path][method]?.responses ?? {})).toEqual(statuses);
  });

  it('answers errors in the error shapes, 400 with the fields at fault', () => {
    const responses = document.paths['/admin/api/users/{id}'].put?.responses ?? {};
    expect(responses['400']).toMatchObject({ content: { 'application/json': { schema: { $ref: '#/components/schemas/ValidationErrorAnswer' } } } });
    expect(responses['404']).toMatchObject({ content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorAnswer' } } } });
    expect(document.paths['/admin/api/session'].post?.responses['429']).toMatchObject({ description: 'Too many sign-ins.' });
  });

  it('gives lists the ra-data-simple-rest parameters and Content-Range', () => {
    const list = document.paths['/admin/api/users'].get;
    expect(list?.parameters).toEqual([
      { $ref: '#/components/parameters/filter' },
      { $ref: '#/components/parameters/sort' },
      { $ref: '#/components/parameters/range' },
    ]);
    expect(list?.responses['200']).toEqual({
      description: 'One page of the list.',
      headers: { 'Content-Range': { $ref: '#/components/headers/Content-Range' } },
      content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/UserAnswer' } } } },
    });
    expect(document.components?.parameters?.['range']).toMatchObject({
      in: 'query',
      content: { 'application/json': { schema: { type: 'array', items: { type: 'integer', minimum: 0 }, minItems: 2, maxItems: 2 } } },
    });
  });

  it('closes the schemas of bodies, and of what they nest, to fields they do not declare', () => {
    const schemas = document.components?.schemas ?? {};
    expect(Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, 'additionalProperties' in schema ? schema.additionalProperties : 'open']))).toEqual({
      SignInBody: false,
      UpdateUserBody: false,
      MembershipBody: false,
      UserAnswer: 'open',
    });
  });

  it('refuses a route it knows nothing of rather than document it wrong', () => {
    expect(() => completeDocument(scanned, new Map())).toThrow('No route facts for GET /admin/api/session (SessionController_current)');
  });
});
