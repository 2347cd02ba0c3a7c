import { METHOD_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  DocumentBuilder,
  getSchemaPath,
  SwaggerModule,
  type OpenAPIObject,
  type OperationObject,
  type ParameterObject,
  type PathItemObject,
  type ReferenceObject,
  type ResponseObject,
  type SchemaObject,
} from '@nestjs/swagger';
import { SESSION_COOKIE } from '@keyhouse/api-identity';
import { MAX_PAGE_SIZE } from '@keyhouse/api-persistence';
import { ErrorAnswer, IdPipe, MAX_ID, OPERATOR_ONLY, PUBLIC_ROUTE, REQUIRED_PERMISSION, ValidationErrorAnswer } from '@keyhouse/api-platform';

const API_DOCS_PATH = '/admin/api/docs';
const API_DOCUMENT_PATH = `${API_DOCS_PATH}/openapi.json`;
const BACK_OFFICE_PREFIX = '/admin/api/';
const COMPONENT_SCHEMAS = '#/components/schemas/';
const UNSAFE_METHODS = ['post', 'put', 'patch', 'delete'] as const;
const METHODS = ['get', ...UNSAFE_METHODS] as const;
/** What IdPipe accepts: the ids of INT columns. */
const ID_SCHEMA = { type: 'integer', minimum: 1, maximum: MAX_ID } as const;

/** What the route decorators say about one handler, which the scanned document does not carry. */
export interface RouteFacts {
  public: boolean;
  /** Checked by the guard before the handler runs. */
  permission?: string;
  operatorOnly: boolean;
  /** Takes the whole query string: a ra-data-simple-rest list (`filter`, `sort`, `range`). */
  list: boolean;
  /** The path parameters read by IdPipe. */
  ids: string[];
  /** Reads the request body. */
  body: boolean;
}

const DESCRIPTION = `The back-office API behind the Keyhouse console.

**Authentication**: the console's session cookie (\`POST /admin/api/session\` sets it and answers
the \`csrfToken\`; requests other than GET made with the cookie must send it in \`X-CSRF-Token\`),
or \`Authorization: Bearer <access token>\` of a back-office application (no CSRF token needed).

**Lists** follow react-admin's ra-data-simple-rest: \`filter\` (JSON object), \`sort\`
(\`["field","ASC"]\`) and \`range\` (\`[0,24]\`) in the query; the answer is a JSON array and
\`Content-Range: <resource> 0-24/319\` gives the total.

**Errors** are \`{"message"}\`; every 400 is \`{"message","errors":{"<field>":"<message>"}}\`.
A method a path does not take is answered 405 with the methods it takes in \`Allow\`.`;

/**
 * Serves the OpenAPI 3 document of /admin/api (`/admin/api/docs/openapi.json`) and Swagger UI
 * (`/admin/api/docs`). Both are public: they describe the API, they do not open it. Bodies and
 * answers are scanned from the classes the controllers name; the document is then completed
 * from the route decorators (auth, permission, ids, lists, bodies), which decide the error
 * statuses every route shares.
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
  const scanned = SwaggerModule.createDocument(app, config, { operationIdFactory: operationId, extraModels: [ErrorAnswer, ValidationErrorAnswer] });
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

interface RouteArg {
  data?: unknown;
  pipes?: unknown[];
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
        const decorated = (key: string): unknown => Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, controller);
        const args = Object.entries((Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as Record<string, RouteArg>);
        const of = (type: RouteParamtypes) => args.filter(([key]) => key.startsWith(`${type}:`)).map(([, arg]) => arg);
        facts.set(operationId(controller.name, name), {
          public: Boolean(decorated(PUBLIC_ROUTE)),
          permission: decorated(REQUIRED_PERMISSION) as string | undefined,
          operatorOnly: Boolean(decorated(OPERATOR_ONLY)),
          list: of(RouteParamtypes.QUERY).some((arg) => arg.data === undefined),
          ids: of(RouteParamtypes.PARAM)
            .filter((arg) => arg.pipes?.includes(IdPipe))
            .map((arg) => String(arg.data)),
          body: of(RouteParamtypes.BODY).length > 0,
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
      if (!operation) continue;
      const routeFacts = facts.get(operation.operationId ?? '');
      if (!routeFacts) throw new Error(`No route facts for ${method.toUpperCase()} ${path} (${operation.operationId})`);
      completeOperation(path, method, operation, routeFacts);
    }
  }
  return {
    ...scanned,
    paths,
    tags: [...new Set(Object.keys(paths).map(resourceOf))].sort().map((name) => ({ name })),
    components: {
      ...scanned.components,
      schemas: closeBodySchemas(paths, scanned.components?.schemas ?? {}),
      parameters: {
        filter: jsonQuery('filter', 'Filters by field, e.g. `{"name":"billing"}`; each resource has its own.', { type: 'object', example: { name: 'billing' } }),
        sort: jsonQuery('sort', '`["field","ASC"|"DESC"]`.', { type: 'array', items: { type: 'string' }, minItems: 2, maxItems: 2, example: ['id', 'ASC'] }),
        range: jsonQuery('range', `\`[first,last]\`, both included, at most ${MAX_PAGE_SIZE} rows.`, {
          type: 'array',
          items: { type: 'integer', minimum: 0 },
          minItems: 2,
          maxItems: 2,
          example: [0, 24],
        }),
      },
      headers: {
        'Content-Range': { description: '`<resource> <first>-<last>/<total>`, or `<resource> */0` when empty.', schema: { type: 'string' } },
        Allow: { description: 'The methods the path takes, e.g. `GET, HEAD, PUT`.', schema: { type: 'string' } },
      },
      responses: {
        MethodNotAllowed: {
          description: 'The path does not take this method (any path of this API).',
          headers: { Allow: { $ref: '#/components/headers/Allow' } },
          content: { 'application/json': { schema: { $ref: getSchemaPath(ErrorAnswer) } } },
        },
      },
    },
  };
}

/**
 * A body class refuses the fields it does not declare (the validation pipe forbids them), and
 * so do the classes nested in it: their schemas say so.
 */
function closeBodySchemas(paths: Record<string, PathItemObject>, schemas: Record<string, SchemaObject | ReferenceObject>): Record<string, SchemaObject | ReferenceObject> {
  const bodies = new Set<string>();
  const visit = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      const name = key === '$ref' && typeof value === 'string' ? value.slice(COMPONENT_SCHEMAS.length) : undefined;
      if (name === undefined) visit(value);
      else if (!bodies.has(name)) {
        bodies.add(name);
        visit(schemas[name]);
      }
    }
  };
  for (const item of Object.values(paths)) for (const method of METHODS) visit(item[method]?.requestBody);
  return Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, bodies.has(name) && 'properties' in schema ? { ...schema, additionalProperties: false } : schema]));
}

/** A list parameter: JSON in the query string, described by its schema. */
function jsonQuery(name: string, description: string, schema: ParameterObject['schema']): ParameterObject {
  return { name, in: 'query', required: false, description: `${description} Empty is as absent.`, content: { 'application/json': { schema } } };
}

function completeOperation(path: string, method: (typeof METHODS)[number], operation: OperationObject, facts: RouteFacts): void {
  operation.tags = [resourceOf(path)];
  const unsafe = method !== 'get';
  if (facts.public) {
    operation.security = [];
  } else {
    // A handler may name fewer ways in (`@ApiCookieAuth`); the CSRF header goes with the cookie.
    const ways = operation.security ?? [{ session: [] }, { bearer: [] }];
    operation.security = unsafe ? ways.map((way) => ('session' in way ? { ...way, csrf: [] } : way)) : ways;
    if (facts.operatorOnly) operation.description = 'Platform operators only.';
    else if (facts.permission) operation.description = `Needs the \`${facts.permission}\` permission.`;
  }
  const parameters = (operation.parameters ?? []).filter((parameter): parameter is ParameterObject => !('$ref' in parameter));
  for (const parameter of parameters) {
    if (parameter.in === 'path' && facts.ids.includes(parameter.name)) parameter.schema = { ...ID_SCHEMA };
  }
  const responses = operation.responses as Record<string, ResponseObject>;
  if (facts.list) {
    operation.parameters = [...parameters, ...['filter', 'sort', 'range'].map((name) => ({ $ref: `#/components/parameters/${name}` }))];
    responses['200'] = { ...responses['200'], description: 'One page of the list.', headers: { 'Content-Range': { $ref: '#/components/headers/Content-Range' } } };
  }

  const invalid = [
    facts.ids.length > 0 && `a path id that is not a whole number from 1 to ${MAX_ID}`,
    facts.list && 'a malformed `filter`, `sort` or `range`',
    parameters.some((parameter) => parameter.in === 'query') && 'a query parameter out of its range',
    facts.body && 'a body that is not valid (not JSON, not an object, a field missing, unknown or of the wrong type)',
  ].filter((cause) => cause !== false);
  if (invalid.length) responses['400'] ??= { description: `Not valid: ${invalid.join('; ')}.` };
  if (!facts.public) responses['401'] ??= { description: 'Not signed in, or the token is invalid.' };
  if (!facts.public && (unsafe || facts.permission || facts.operatorOnly)) {
    responses['403'] ??= { description: unsafe ? 'Missing permission, or missing CSRF token.' : 'Missing permission.' };
  }
  if (facts.ids.length) responses['404'] ??= { description: 'Not found, or not visible to the caller.' };
  if (facts.body) {
    responses['413'] ??= { description: 'The body is too large.' };
    responses['415'] ??= { description: 'The body is not JSON (`Content-Type`).' };
  }
  for (const [status, response] of Object.entries(responses)) {
    if (Number(status) >= 400) response.content ??= errorContent(status === '400' ? ValidationErrorAnswer : ErrorAnswer);
  }
  operation.responses = Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b)));
}

function errorContent(answer: typeof ErrorAnswer): ResponseObject['content'] {
  return { 'application/json': { schema: { $ref: getSchemaPath(answer) } } };
}

/** `/admin/api/oauth-applications/{id}/secrets` belongs to `oauth-applications`. */
function resourceOf(path: string): string {
  return path.slice(BACK_OFFICE_PREFIX.length).split('/')[0];
}
