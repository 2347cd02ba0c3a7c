import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { OpenAPIObject, OperationObject, ParameterObject, ReferenceObject, RequestBodyObject, ResponseObject } from '@nestjs/swagger';

export const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** A JSON Schema as the document's schemas become one (see OpenApiSchemas). */
export type JsonSchema = Record<string, unknown>;

export interface DocumentedOperation {
  method: HttpMethod;
  /** As the document names it: `/admin/api/users/{id}`. */
  path: string;
  operation: OperationObject;
}

const COMPONENT_SCHEMAS = '#/components/schemas/';
const DOCUMENT_ID = 'openapi';

/** GET /admin/api/docs/openapi.json, as served. */
export async function fetchDocument(baseUrl: string): Promise<OpenAPIObject> {
  const response = await fetch(`${baseUrl}/admin/api/docs/openapi.json`);
  if (response.status !== 200) throw new Error(`the document answered ${response.status}`);
  return (await response.json()) as OpenAPIObject;
}

export function operationsOf(document: OpenAPIObject): DocumentedOperation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    HTTP_METHODS.flatMap((method) => {
      const operation = item[method];
      return operation ? [{ method, path, operation }] : [];
    }),
  );
}

/**
 * Checks values against the document's schemas, read as OpenAPI tools read them: an OpenAPI 3.0
 * schema marked `nullable` takes null besides what it describes (also when it is a `$ref`). Read
 * more strictly too: a class's fields are all there is, so an answer carrying a field its class
 * does not declare (a digest, an internal column) is not as documented.
 */
export class OpenApiSchemas {
  private readonly ajv = new Ajv({ allErrors: true, strict: true, keywords: ['example'] });
  private readonly validators = new Map<string, ValidateFunction>();
  /** The component schemas as JSON Schema, by name. */
  readonly components: Record<string, JsonSchema>;

  constructor(readonly document: OpenAPIObject) {
    addFormats(this.ajv);
    this.components = Object.fromEntries(Object.entries(document.components?.schemas ?? {}).map(([name, schema]) => [name, closed(asJsonSchema(schema) as JsonSchema)]));
    this.ajv.addSchema({ $id: DOCUMENT_ID, definitions: this.components });
  }

  operation(method: HttpMethod, path: string): OperationObject {
    const operation = this.document.paths[path]?.[method];
    if (!operation) throw new Error(`${method.toUpperCase()} ${path} is not documented`);
    return operation;
  }

  /** The documented schema of the JSON body, if the operation takes one. */
  requestSchema(method: HttpMethod, path: string): JsonSchema | undefined {
    const body = this.operation(method, path).requestBody as RequestBodyObject | undefined;
    const schema = body?.content['application/json']?.schema;
    return schema && (asJsonSchema(schema) as JsonSchema);
  }

  /** A reference to a component schema, to check values against. */
  component(name: string): JsonSchema {
    return { $ref: `${DOCUMENT_ID}#/definitions/${name}` };
  }

  /** The documented schema of an answer's JSON body. */
  answerSchema(method: HttpMethod, path: string, status: number): JsonSchema | undefined {
    const response = this.operation(method, path).responses[String(status)] as ResponseObject | undefined;
    const schema = response?.content?.['application/json']?.schema;
    return schema && (asJsonSchema(schema) as JsonSchema);
  }

  /** The schema a reference or a schema stands for, references followed. */
  resolve(schema: JsonSchema): JsonSchema {
    const ref = schema['$ref'];
    if (typeof ref !== 'string') return schema;
    return this.resolve(this.components[ref.slice(`${DOCUMENT_ID}#/definitions/`.length)]);
  }

  /** What is wrong with a request body, by the operation's documented schema. */
  bodyProblems(method: HttpMethod, path: string, body: unknown): string[] {
    const schema = this.requestSchema(method, path);
    if (!schema) return [`${method.toUpperCase()} ${path} documents no request body`];
    return this.problems(schema, body);
  }

  /** What is wrong with an answer: its status not documented for the operation, or a body unlike the documented one. */
  answerProblems(method: HttpMethod, path: string, status: number, body: unknown): string[] {
    const response = this.operation(method, path).responses[String(status)] as ResponseObject | ReferenceObject | undefined;
    if (!response) return [`${method.toUpperCase()} ${path} does not document ${status}`];
    return this.responseProblems('$ref' in response ? this.responseComponent(response.$ref) : response, body);
  }

  /** What is wrong with an answer's body, by what one documented response says. */
  responseProblems(response: ResponseObject, body: unknown): string[] {
    const schema = response.content?.['application/json']?.schema;
    if (!schema) return body === '' || body === undefined ? [] : [`no body is documented, got ${JSON.stringify(body)}`];
    return this.problems(asJsonSchema(schema) as JsonSchema, body);
  }

  /** The answer a reusable response (`#/components/responses/...`) documents. */
  responseComponent(ref: string): ResponseObject {
    return this.document.components?.responses?.[ref.split('/').pop() ?? ''] as ResponseObject;
  }

  problems(schema: JsonSchema, value: unknown): string[] {
    const validate = this.validator(schema);
    if (validate(value)) return [];
    return (validate.errors ?? []).map((error) => `${error.instancePath || '(body)'} ${error.message ?? ''}`.trim());
  }

  // Compiled once per schema: a fuzz run checks thousands of answers against a few dozen schemas.
  private validator(schema: JsonSchema): ValidateFunction {
    const key = JSON.stringify(schema);
    let validate = this.validators.get(key);
    if (!validate) this.validators.set(key, (validate = this.ajv.compile(schema)));
    return validate;
  }
}

/** The parameters of an operation, references followed. */
export function parametersOf(document: OpenAPIObject, operation: OperationObject): ParameterObject[] {
  return (operation.parameters ?? []).map((parameter) =>
    '$ref' in parameter ? (document.components?.parameters?.[parameter.$ref.split('/').pop() ?? ''] as ParameterObject) : parameter,
  );
}

/** A class's schema, taking no field it does not declare (unless it says otherwise). */
function closed(schema: JsonSchema): JsonSchema {
  return schema['type'] === 'object' && schema['properties'] && !('additionalProperties' in schema) ? { ...schema, additionalProperties: false } : schema;
}

/** An OpenAPI 3.0 schema as JSON Schema: `nullable` becomes "or null", references point into the document's definitions. */
function asJsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(asJsonSchema);
  if (typeof schema !== 'object' || schema === null) return schema;
  const { nullable, ...rest } = schema as Record<string, unknown>;
  const converted = Object.fromEntries(
    Object.entries(rest).map(([key, value]) =>
      key === '$ref' && typeof value === 'string' && value.startsWith(COMPONENT_SCHEMAS)
        ? [key, `${DOCUMENT_ID}#/definitions/${value.slice(COMPONENT_SCHEMAS.length)}`]
        : [key, key === 'example' ? value : asJsonSchema(value)],
    ),
  );
  return nullable === true ? { anyOf: [converted, { type: 'null' }] } : converted;
}
