import fc from 'fast-check';
import type { JsonSchema, OpenApiSchemas } from './openapi';

/**
 * fast-check arbitraries drawn from the document's schemas: values a schema takes, to start
 * from, and values it refuses, of the kinds a fuzzer sends (wrong types, nested values where a
 * scalar goes and scalars where an object or a list goes, unknown and missing fields, bodies
 * that are not objects).
 */
export class SchemaArbitraries {
  constructor(private readonly schemas: OpenApiSchemas) {}

  /** Values the schema (mostly) takes: where they start from does not matter, as long as what is sent is checked against the schema. */
  valueOf(schema: JsonSchema): fc.Arbitrary<unknown> {
    const resolved = this.schemas.resolve(schema);
    // `anyOf` is a nullable schema's "or null"; `allOf` wraps the one reference of a property.
    const options = (resolved['anyOf'] ?? resolved['allOf']) as JsonSchema[] | undefined;
    if (options) return fc.oneof(...options.map((option) => this.valueOf(option)));
    if (Array.isArray(resolved['enum'])) return fc.constantFrom(...(resolved['enum'] as unknown[]));
    switch (resolved['type']) {
      case 'string':
        return stringOf(resolved);
      case 'integer':
        return fc.integer({ min: numberOr(resolved['minimum'], -1_000), max: numberOr(resolved['maximum'], 1_000_000) });
      case 'number':
        return fc.double({ noNaN: true, noDefaultInfinity: true });
      case 'boolean':
        return fc.boolean();
      case 'array':
        return fc.array(this.valueOf((resolved['items'] ?? {}) as JsonSchema), { maxLength: 3 });
      case 'object':
        return this.objectOf(resolved);
      default:
        return fc.jsonValue();
    }
  }

  /** A value the schema refuses. */
  refusedBy(schema: JsonSchema): fc.Arbitrary<unknown> {
    const resolved = this.schemas.resolve(schema);
    const kinds = [wrongScalar, this.nestedAround(resolved)];
    if (resolved['type'] === 'object' && resolved['properties']) kinds.push(this.malformedObject(resolved));
    if (resolved['type'] === 'array' && resolved['items']) kinds.push(fc.array(this.refusedBy(resolved['items'] as JsonSchema), { minLength: 1, maxLength: 2 }));
    return fc.oneof(...kinds).filter((value) => this.schemas.problems(schema, value).length > 0);
  }

  /** A request body the operation's schema refuses: not an object at all, or an object with a field wrong, unknown or missing. */
  malformedBody(schema: JsonSchema): fc.Arbitrary<unknown> {
    return fc.oneof(notAnObject, this.malformedObject(this.schemas.resolve(schema))).filter((body) => this.schemas.problems(schema, body).length > 0);
  }

  private objectOf(schema: JsonSchema): fc.Arbitrary<Record<string, unknown>> {
    const properties = (schema['properties'] ?? {}) as Record<string, JsonSchema>;
    const required = (schema['required'] ?? []) as string[];
    const fields = Object.fromEntries(Object.entries(properties).map(([name, property]) => [name, this.valueOf(property)]));
    return fc.record(fields, { requiredKeys: required.filter((name) => name in fields) }) as fc.Arbitrary<Record<string, unknown>>;
  }

  private malformedObject(schema: JsonSchema): fc.Arbitrary<unknown> {
    const properties = Object.entries((schema['properties'] ?? {}) as Record<string, JsonSchema>);
    const required = (schema['required'] ?? []) as string[];
    const base = this.objectOf(schema);
    const kinds: Array<fc.Arbitrary<unknown>> = [
      fc.tuple(base, unknownFieldName(properties.map(([name]) => name)), fc.jsonValue()).map(([body, name, value]) => ({ ...body, [name]: value })),
    ];
    // A field that takes any value (server state an edit may send back) cannot be sent wrong.
    const refusing = properties.filter(([, property]) => this.refusesAny(property));
    if (refusing.length) {
      const wrongField = fc.constantFrom(...refusing).chain(([name, property]) => fc.tuple(fc.constant(name), this.refusedBy(property)));
      kinds.push(fc.tuple(base, wrongField).map(([body, [name, value]]) => ({ ...body, [name]: value })));
    }
    if (required.length) {
      kinds.push(fc.tuple(base, fc.constantFrom(...required)).map(([body, name]) => Object.fromEntries(Object.entries(body).filter(([key]) => key !== name))));
    }
    return fc.oneof(...kinds);
  }

  /** Whether the schema refuses one value at least, of each JSON type. */
  private refusesAny(schema: JsonSchema): boolean {
    return [null, 0, 'x', true, [], {}].some((value) => this.schemas.problems(schema, value).length > 0);
  }

  /** What the schema takes, wrapped: in a list where one value goes, in an object where a scalar goes. */
  private nestedAround(schema: JsonSchema): fc.Arbitrary<unknown> {
    const value = this.valueOf(schema);
    return fc.oneof(
      value.map((inner) => [inner]),
      value.map((inner) => ({ value: inner })),
      fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
      fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
    );
  }
}

/** The bodies the fuzzer found accepted where an object was due, and any other JSON that is not an object. */
export const notAnObject: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom([1, 2], 'str', 123, null, true),
  fc.jsonValue({ maxDepth: 2 }).filter((value) => typeof value !== 'object' || value === null || Array.isArray(value)),
);

const wrongScalar: fc.Arbitrary<unknown> = fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null));

/** Names a body must not carry: any the schema lacks, with a few that would matter if taken (mass assignment). */
function unknownFieldName(known: string[]): fc.Arbitrary<string> {
  return fc
    .oneof(fc.constantFrom('id', 'createdAt', 'passwordHash', 'platformOperator', 'clientSecret', 'constructor', 'toString', '__proto__'), fc.string({ minLength: 1, maxLength: 12 }))
    .filter((name) => !known.includes(name));
}

function stringOf(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema['format'] === 'email') return fc.emailAddress();
  if (schema['format'] === 'date-time') return fc.date({ noInvalidDate: true, min: new Date(0), max: new Date('2100-01-01') }).map((date) => date.toISOString());
  const minLength = numberOr(schema['minLength'], 0);
  return fc.string({ minLength, maxLength: Math.max(minLength, Math.min(numberOr(schema['maxLength'], 40), 40)) });
}

const numberOr = (value: unknown, fallback: number): number => (typeof value === 'number' ? value : fallback);
