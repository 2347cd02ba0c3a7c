import type { OpenAPIObject } from '@nestjs/swagger';
import { completeDocument } from './api-docs';

const scanned: OpenAPIObject = {
  openapi: '3.0.0',
  info: { title: 'scan', version: '1' },
  paths: {
    '/health/live': { get: { operationId: 'HealthController_live', responses: { '200': { description: '' } } } },
    '/admin/api/session': { post: { operationId: 'SessionController_signIn', responses: { '200': { description: '' } } } },
    '/admin/api/users': { get: { operationId: 'UsersController_list', responses: { '200': { description: '' } } } },
    '/admin/api/users/{id}': {
      get: { operationId: 'UsersController_get', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'number' } }], responses: { '200': { description: '' } } },
    },
    '/admin/api/oauth-applications/{id}/deactivate': {
      post: {
        operationId: 'OAuthApplicationsController_deactivate',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'number' } }],
        responses: { '200': { description: '' } },
      },
    },
  },
};

const facts = new Map([
  ['SessionController_signIn', { public: true, list: false }],
  ['UsersController_list', { public: false, permission: 'users.view', list: true }],
  ['UsersController_get', { public: false, permission: 'users.view', list: false }],
  ['OAuthApplicationsController_deactivate', { public: false, permission: 'oauth_applications.edit', list: false }],
]);

describe('completeDocument', () => {
  const document = completeDocument(scanned, facts);

  it('keeps the back-office API only, tagged by resource', () => {
    expect(Object.keys(document.paths)).toEqual(['/admin/api/session', '/admin/api/users', '/admin/api/users/{id}', '/admin/api/oauth-applications/{id}/deactivate']);
    expect(document.tags).toEqual([{ name: 'oauth-applications' }, { name: 'session' }, { name: 'users' }]);
    expect(document.paths['/admin/api/users/{id}'].get?.tags).toEqual(['users']);
  });

  it('states how each route is authenticated: public, cookie or Bearer, and the CSRF header for unsafe methods', () => {
    expect(document.paths['/admin/api/session'].post?.security).toEqual([]);
    expect(document.paths['/admin/api/users'].get?.security).toEqual([{ session: [] }, { bearer: [] }]);
    expect(document.paths['/admin/api/oauth-applications/{id}/deactivate'].post?.security).toEqual([{ session: [], csrf: [] }, { bearer: [] }]);
    expect(document.paths['/admin/api/oauth-applications/{id}/deactivate'].post?.description).toBe('Needs the `oauth_applications.edit` permission.');
  });

  it('gives lists the ra-data-simple-rest parameters and Content-Range', () => {
    const list = document.paths['/admin/api/users'].get;
    expect(list?.parameters).toEqual([
      { $ref: '#/components/parameters/filter' },
      { $ref: '#/components/parameters/sort' },
      { $ref: '#/components/parameters/range' },
    ]);
    expect(list?.responses['200']).toMatchObject({ headers: { 'Content-Range': { $ref: '#/components/headers/Content-Range' } } });
    expect(document.paths['/admin/api/users/{id}'].get?.parameters).toHaveLength(1);
    expect(document.paths['/admin/api/users/{id}'].get?.responses['404']).toBeDefined();
  });
});
