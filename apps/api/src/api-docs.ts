import { METHOD_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject, type OperationObject, type PathItemObject } from '@nestjs/swagger';
import { SESSION_COOKIE } from '@keyhouse/api-identity';
import { PUBLIC_ROUTE, REQUIRED_PERMISSION } from '@keyhouse/api-platform';

const API_DOCS_PATH = '/admin/api/docs';
const API_DOCUMENT_PATH = `${API_DOCS_PATH}/openapi.json`;
const BACK_OFFICE_PREFIX = '/admin/api/';
const UNSAFE_METHODS = ['post', 'put', 'patch', 'delete'] as const;
const METHODS = ['get', ...UNSAFE_METHODS] as const;

/** What the route decorators say about one handler, which the scanned document does not carry. */
interface RouteFacts {
  public: boolean;
  permission?: string;
  /** Takes the whole query string: a ra-data-simple-rest list (`filter`, `sort`, `range`). */
  list: boolean;
}

const DESCRIPTION = `The back-office API behind the Keyhouse console.

**Authentication**: the console's session cookie (\`POST /admin/api/session\` sets it and answers
the \`csrfToken\`; requests other than GET made with the cookie must send it in \`X-CSRF-Token\`),
or \`Authorization: Bearer <access token>\` of a back-office application (no CSRF token needed).

**Lists** follow react-admin's ra-data-simple-rest: \`filter\` (JSON object), \`sort\`
(\`["field","ASC"]\`) and \`range\` (\`[0,24]\`) in the query; the answer is a JSON array and
\`Content-Range: <resource> 0-24/319\` gives the total.

**Errors** are \`{"message"}\`; validation failures are 400 \`{"message","errors":{"<field>":"<message>"}}\`.`;

/**
 * Serves the OpenAPI 3 document of /admin/api (`/admin/api/docs/openapi.json`) and Swagger UI
 * (`/admin/api/docs`). Both are public: they describe the API, they do not open it. The document
 * is scanned from the controllers, then completed from the route decorators (auth, permission,
 * list parameters), so every route is listed without annotating each controller.
 */
export function serveApiDocs(app: NestFastifyApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Keyhouse back-office API')
    .setDescription(DESCRIPTION)
    .setVersion('1')
    .addCookieAuth(SESSION_COOKIE, { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'The console session.' }, 'session')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-CSRF-Token', description: 'The csrfToken of the session; unsafe methods only.' }, 'csrf')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'An access token of a back-office application.' }, 'bearer')
    .build();
  const scanned = SwaggerModule.createDocument(app, config, { operationIdFactory: operationId });
  const document = completeDocument(scanned, routeFacts(app));
  SwaggerModule.setup(API_DOCS_PATH, app, document, {
    jsonDocumentUrl: API_DOCUMENT_PATH,
    raw: ['json'],
    customSiteTitle: 'Keyhouse back-office API',
  });
}

function operationId(controllerKey: string, methodKey: string): string {
  return `${controllerKey}_${methodKey}`;
}

/** Reads every controller's decorators, keyed like the document's operation ids. */
function routeFacts(app: NestFastifyApplication): Map<string, RouteFacts> {
  const facts = new Map<string, RouteFacts>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const { metatype } of module.controllers.values()) {
      if (typeof metatype !== 'function') continue;
      const controller = metatype as new (...args: never[]) => object;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function' || Reflect.getMetadata(METHOD_METADATA, handler) === undefined) continue;
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as Record<string, { data?: unknown }>;
        facts.set(operationId(controller.name, name), {
          public: Boolean(Reflect.getMetadata(PUBLIC_ROUTE, handler) ?? Reflect.getMetadata(PUBLIC_ROUTE, controller)),
          permission: Reflect.getMetadata(REQUIRED_PERMISSION, handler) ?? Reflect.getMetadata(REQUIRED_PERMISSION, controller),
          list: Object.entries(args).some(([key, arg]) => key.startsWith(`${RouteParamtypes.QUERY}:`) && arg.data === undefined),
        });
      }
    }
  }
  return facts;
}

/** Keeps the back-office routes and adds what the scan cannot know. */
export function completeDocument(scanned: OpenAPIObject, facts: ReadonlyMap<string, RouteFacts>): OpenAPIObject {
  const paths: Record<string, PathItemObject> = {};
  for (const [path, item] of Object.entries(scanned.paths)) {
    if (!path.startsWith(BACK_OFFICE_PREFIX)) continue;
    paths[path] = item;
    for (const method of METHODS) {
      const operation = item[method];
      if (operation) completeOperation(path, method, operation, facts.get(operation.operationId ?? ''));
    }
  }
  return {
    ...scanned,
    paths,
    tags: [...new Set(Object.keys(paths).map(resourceOf))].sort().map((name) => ({ name })),
    components: {
      ...scanned.components,
      schemas: {
        ...scanned.components?.schemas,
        Error: { type: 'object', required: ['message'], properties: { message: { type: 'string' } } },
        ValidationError: {
          type: 'object',
          required: ['message', 'errors'],
          properties: { message: { type: 'string' }, errors: { type: 'object', additionalProperties: { type: 'string' } } },
        },
      },
      parameters: {
        filter: { name: 'filter', in: 'query', required: false, description: 'JSON object of filters, e.g. `{"name":"billing"}`.', schema: { type: 'string' } },
        sort: { name: 'sort', in: 'query', required: false, description: 'JSON `["field","ASC"|"DESC"]`.', schema: { type: 'string' } },
        range: { name: 'range', in: 'query', required: false, description: 'JSON `[first,last]`, both included, e.g. `[0,24]`.', schema: { type: 'string' } },
      },
      headers: {
        'Content-Range': { description: '`<resource> <first>-<last>/<total>`, or `<resource> */0` when empty.', schema: { type: 'string' } },
      },
    },
  };
}

function completeOperation(path: string, method: (typeof METHODS)[number], operation: OperationObject, facts: RouteFacts | undefined): void {
  operation.tags = [resourceOf(path)];
  const unsafe = method !== 'get';
  if (facts?.public) {
    operation.security = [];
  } else {
    operation.security = unsafe ? [{ session: [], csrf: [] }, { bearer: [] }] : [{ session: [] }, { bearer: [] }];
    if (facts?.permission) operation.description = `Needs the \`${facts.permission}\` permission.`;
  }
  if (facts?.list) {
    operation.parameters = [...(operation.parameters ?? []), { $ref: '#/components/parameters/filter' }, { $ref: '#/components/parameters/sort' }, { $ref: '#/components/parameters/range' }];
    operation.responses['200'] = {
      description: 'One page of the list.',
      headers: { 'Content-Range': { $ref: '#/components/headers/Content-Range' } },
      content: { 'application/json': { schema: { type: 'array', items: { type: 'object' } } } },
    };
  }
  const error = (description: string, schema = 'Error') => ({ description, content: { 'application/json': { schema: { $ref: `#/components/schemas/${schema}` } } } });
  if (facts?.list) operation.responses['400'] = error('A malformed filter, sort or range.', 'ValidationError');
  if (method === 'post' || method === 'put' || method === 'patch') operation.responses['400'] = error('Validation failed.', 'ValidationError');
  if (!facts?.public) {
    operation.responses['401'] = error('Not signed in, or the token is invalid.');
    operation.responses['403'] = error(unsafe ? 'Missing permission, or missing CSRF token.' : 'Missing permission.');
  }
  if (path.includes('{')) operation.responses['404'] = error('Not found, or not visible to the caller.');
}

/** `/admin/api/oauth-applications/{id}/secrets` belongs to `oauth-applications`. */
function resourceOf(path: string): string {
  return path.slice(BACK_OFFICE_PREFIX.length).split('/')[0];
}
