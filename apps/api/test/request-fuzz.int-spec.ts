import fc from 'fast-check';
import type { ParameterObject } from '@nestjs/swagger';
import type { Answer, HttpClient } from './support/http-client';
import { createCustomerUser, createOrganization, createRole, createUser } from './support/fixtures';
import { fetchDocument, OpenApiSchemas, operationsOf, parametersOf, type DocumentedOperation, type JsonSchema } from './support/openapi';
import { SchemaArbitraries } from './support/schema-arbitraries';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Issue 14, acceptance 6: requests generated from the OpenAPI document, wrong on purpose, sent to
 * every operation as the first admin with the CSRF token. Whatever is sent, no answer is a 5xx,
 * every status is one the operation documents, every body has the documented shape, and what the
 * document calls malformed is refused, a 400 saying where. Seeded, so a failure can be replayed:
 * FUZZ_SEED=<seed> (printed), FUZZ_RUNS=<requests per operation>.
 */
const SEED = Number(process.env['FUZZ_SEED'] ?? 14);
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 20);

type ErrorBody = { message: string; errors: Record<string, string> };

describe('requests generated from the OpenAPI document', () => {
  let t: TestApp;
  let admin: HttpClient;
  let schemas: OpenApiSchemas;
  let arbitraries: SchemaArbitraries;
  let operations: DocumentedOperation[];
  /** The row each resource's bodies are sent to (a resource not named: id 1, a platform default). */
  let targets: Record<string, number>;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.signedIn();
    schemas = new OpenApiSchemas(await fetchDocument(t.baseUrl));
    arbitraries = new SchemaArbitraries(schemas);
    operations = operationsOf(schemas.document);
    console.info(`request fuzz: FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS}`);
    // Rows for the ids to find, one of each resource a body edits, so that bodies meet their
    // validation and not a 404; the admin is left alone.
    const organization = await createOrganization(t.dataSource, 'Fuzzed');
    const application = await admin.post<{ id: number }>('/admin/api/oauth-applications', {
      name: 'Fuzzed',
      organizationId: organization.id,
      grants: ['authorization_code'],
      redirectUris: ['https://app.example.com/callback'],
      scopes: ['read'],
    });
    expect(application.status).toBe(201);
    expect((await admin.post(`/admin/api/oauth-applications/${application.body.id}/secrets`, {})).status).toBe(201);
    targets = {
      users: (await createUser(t.dataSource, { username: 'fuzzed', organizations: [organization] })).id,
      'customer-users': (await createCustomerUser(t.dataSource, { email: 'fuzzed@example.com', organization })).id,
      roles: (await createRole(t.dataSource, 'ROLE_FUZZED', ['users.view'], organization.id)).id,
      'oauth-applications': application.body.id,
    };
  });
  afterAll(() => t.close());

  /** Sends one request and checks what every answer owes the document, whatever was sent. */
  async function send(operation: DocumentedOperation, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer<ErrorBody>> {
    const answer = await admin.request<ErrorBody>(operation.method.toUpperCase(), path, body, headers);
    const problems = schemas.answerProblems(operation.method, operation.path, answer.status, answer.body);
    if (answer.status >= 500 || problems.length) {
      throw new Error(`${operation.method.toUpperCase()} ${path} ${JSON.stringify(body)} answered ${answer.status} ${JSON.stringify(answer.body)}: ${problems.join('; ')}`);
    }
    return answer;
  }

  /** Runs the property on the operation; a failure names the operation, with fast-check's counterexample and seed. */
  const property = <T>({ method, path }: DocumentedOperation, arbitrary: fc.Arbitrary<T>, predicate: (value: T) => Promise<void>) =>
    fc
      .assert(fc.asyncProperty(arbitrary, predicate), { seed: SEED, numRuns: RUNS })
      .catch((error: Error) => {
        throw new Error(`${method.toUpperCase()} ${path}: ${error.message}${error.cause === undefined ? '' : `\n${String(error.cause)}`}`);
      });

  /** The operation's path with every parameter set to `value`. */
  const pathWith = (operation: DocumentedOperation, value: (name: string) => string) => operation.path.replace(/\{(\w+)\}/g, (_, name: string) => value(name));

  /** The operation's path at its resource's target row. */
  const targetPath = (operation: DocumentedOperation) => pathWith(operation, () => String(targets[operation.path.split('/')[3]] ?? 1));

  it('accepts no body its schema refuses, and names the fields at fault', async () => {
    const withBodies = operations.filter(({ method, path }) => schemas.requestSchema(method, path));
    for (const operation of withBodies) {
      const schema = schemas.requestSchema(operation.method, operation.path) as JsonSchema;
      await property(operation, arbitraries.malformedBody(schema), async (body) => {
        // As JSON whatever it is: the client would send a string as plain text, which the sign-in refuses with 415 before reading it.
        const answer = await send(operation, targetPath(operation), JSON.stringify(body), { 'content-type': 'application/json' });
        // Refused: for what is wrong with it (400), or first for what the row does not allow (403, 409).
        expect(answer.status).toBeGreaterThanOrEqual(400);
        if (answer.status !== 400) return;
        const anObject = typeof body === 'object' && body !== null && !Array.isArray(body);
        if (anObject) expect(Object.keys(answer.body.errors).length).toBeGreaterThan(0);
      });
    }
  });

  it('refuses a body that is not JSON, or not JSON the API reads', async () => {
    const withBodies = operations.filter(({ method, path }) => schemas.requestSchema(method, path));
    const rawBody = fc.record({
      // Blank is no body at all (react-admin sends the header with none), which a body of optional fields may be.
      text: fc.string({ maxLength: 40 }).filter((text) => text.trim() !== '' && !parsesAsObject(text)),
      type: fc.constantFrom('application/json', 'text/plain', 'application/xml', 'application/octet-stream'),
    });
    for (const operation of withBodies) {
      await property(operation, rawBody, async ({ text, type }) => {
        const answer = await send(operation, targetPath(operation), text, { 'content-type': type });
        expect([400, 415]).toContain(answer.status);
      });
    }
  });

  it('answers any text in place of a path id or a query parameter as documented, refusing the malformed at its name', async () => {
    for (const operation of operations) {
      const parameters = parametersOf(schemas.document, operation.operation).filter((parameter) => parameter.schema && (parameter.in === 'path' || parameter.in === 'query'));
      if (!parameters.length) continue;
      const body = schemas.requestSchema(operation.method, operation.path) ? {} : undefined;
      const values = fc.record(Object.fromEntries(parameters.map((parameter) => [parameter.name, parameterText(parameter)])));
      await property(operation, values, async (sent) => {
        const path = pathWith(operation, (name) => encodeURIComponent(sent[name] ?? ''));
        // A path the document names outright is that path's, not this operation's (`/email-templates/preview`).
        fc.pre(!(path in schemas.document.paths));
        const query = new URLSearchParams(
          parameters.filter(({ in: where, name }) => where === 'query' && sent[name] !== undefined).map(({ name }): [string, string] => [name, sent[name] as string]),
        ).toString();
        const answer = await send(operation, query ? `${path}?${query}` : path, body);
        const malformed = parameters.filter((parameter) => sent[parameter.name] !== undefined && !isCanonical(schemas, parameter, sent[parameter.name] as string));
        if (malformed.length) {
          expect(answer.status).toBe(400);
          expect(malformed.map(({ name }) => name)).toEqual(expect.arrayContaining(Object.keys(answer.body.errors)));
        }
      });
    }
  });

  it('answers any filter, sort and range as documented, refusing the malformed at its name', async () => {
    const lists = operations.filter(({ operation }) => parametersOf(schemas.document, operation).some((parameter) => parameter.name === 'range'));
    expect(lists.length).toBeGreaterThan(0);
    for (const operation of lists) {
      const page = schemas.answerSchema(operation.method, operation.path, 200) ?? {};
      const fields = Object.keys(schemas.resolve((page['items'] ?? {}) as JsonSchema)['properties'] ?? {});
      const listParams = fc.record(
        {
          filter: jsonText(fc.dictionary(fc.constantFrom(...fields, 'inForceFor', 'unknown'), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 2 })),
          sort: jsonText(fc.tuple(fc.constantFrom(...fields, 'unknown'), fc.constantFrom('ASC', 'DESC', 'asc', 'up'))),
          range: jsonText(fc.tuple(fc.integer({ min: -2, max: 1_100 }), fc.integer({ min: -2, max: 1_100 }))),
        },
        { requiredKeys: [] },
      );
      await property(operation, listParams, async (sent) => {
        const query = new URLSearchParams(Object.entries(sent).filter((entry): entry is [string, string] => entry[1] !== undefined)).toString();
        const answer = await send(operation, query ? `${operation.path}?${query}` : operation.path);
        // Empty is as absent (`?filter=`), as the parameters say.
        const malformed = parametersOf(schemas.document, operation.operation).filter((parameter) => {
          const text = sent[parameter.name as keyof typeof sent];
          return text !== undefined && text !== '' && !isJsonOf(schemas, parameter, text);
        });
        if (malformed.length) expect(answer.status).toBe(400);
        if (answer.status === 400) expect(['filter', 'sort', 'range']).toEqual(expect.arrayContaining(Object.keys(answer.body.errors)));
        if (answer.status === 200) expect(answer.headers.get('content-range')).toMatch(/^[a-z-]+ (\d+-\d+|\*)\/\d+$/);
      });
    }
  });
});

/** Text for a parameter: the values its schema takes, numbers around its bounds, and text that is no number at all. */
function parameterText(parameter: ParameterObject): fc.Arbitrary<string | undefined> {
  const { minimum = 0, maximum = 2_147_483_647 } = (parameter.schema ?? {}) as { minimum?: number; maximum?: number };
  const texts = fc.oneof(
    fc.integer({ min: minimum, max: maximum }).map(String),
    fc.integer({ min: minimum, max: Math.min(maximum, minimum + 3) }).map(String),
    fc.bigInt({ min: BigInt(maximum) + 1n, max: 10n ** 20n }).map(String),
    fc.integer({ min: -5, max: minimum }).map(String),
    fc.constantFrom('1.5', '01', '1e3', '0x10', ' 1', '1,2', 'abc', 'null', 'true', '[1]', '{}', '9007199254740993'),
    fc.string({ minLength: 1, maxLength: 12 }).filter((text) => !/^\.{1,2}$/.test(text)),
  );
  return parameter.required ? texts : fc.option(texts, { nil: undefined });
}

/** Whether the text is the one way to write a value the parameter's schema takes (`1`, not `01` or `1.0`). */
function isCanonical(schemas: OpenApiSchemas, parameter: ParameterObject, text: string): boolean {
  const value = Number(text);
  return String(value) === text && schemas.problems(parameter.schema as JsonSchema, value).length === 0;
}

/** Whether the text is JSON that the parameter's schema takes. */
function isJsonOf(schemas: OpenApiSchemas, parameter: ParameterObject, text: string): boolean {
  const schema = parameter.content?.['application/json']?.schema as JsonSchema;
  try {
    return schemas.problems(schema, JSON.parse(text)).length === 0;
  } catch {
    return false;
  }
}

/** Query text: the JSON of values near the expected ones, any JSON, or any text; or nothing. */
function jsonText(near: fc.Arbitrary<unknown>): fc.Arbitrary<string | undefined> {
  return fc.option(fc.oneof(near.map((value) => JSON.stringify(value)), fc.jsonValue({ maxDepth: 2 }).map((value) => JSON.stringify(value)), fc.string({ maxLength: 20 })), {
    nil: undefined,
  });
}

function parsesAsObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}
