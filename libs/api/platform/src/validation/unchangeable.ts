import { Allow } from 'class-validator';

const UNCHANGEABLE = Symbol('keyhouse:unchangeable');

/**
 * A field of the record that an edit may carry back unchanged (react-admin sends the whole
 * record) but never with another value, `refusal` saying why. The value is checked against the
 * stored record by the service, see `changedUnchangeables`.
 */
export function Unchangeable(refusal: string): PropertyDecorator {
  return (target, property) => {
    Allow()(target, property);
    const refusals = { ...refusalsOf(target), [property]: refusal };
    Reflect.defineMetadata(UNCHANGEABLE, refusals, target);
  };
}

/** The unchangeable fields `body` sends with another value than `record` holds, each with its refusal. */
export function changedUnchangeables(body: object, record: object): Record<string, string> {
  const sent = body as Record<string, unknown>;
  const held = record as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(refusalsOf(body)).filter(([name]) => sent[name] !== undefined && JSON.stringify(sent[name]) !== JSON.stringify(held[name])),
  );
}

// Read through the prototype chain: a body class inherits the unchangeable fields of the class it extends.
const refusalsOf = (target: object): Record<string, string> => (Reflect.getMetadata(UNCHANGEABLE, target) as Record<string, string> | undefined) ?? {};
