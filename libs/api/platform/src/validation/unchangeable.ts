import { ValidationFailedException } from '../errors/validation-failed.exception';
import { fieldProblems } from './body-validation.pipe';
import { FieldRule } from './field-rules';

const UNCHANGEABLE = Symbol('keyhouse:unchangeable');

/**
 * A field of the record that an edit may carry back unchanged (react-admin sends the whole
 * record) but never with another value, `refusal` saying why. Given `takes` (what kind of value
 * the record holds there), a value of another kind is refused with the body's fields, as the
 * document calls it malformed; any other value is compared with the stored record by the
 * service, see `changedUnchangeables`.
 */
export function Unchangeable(refusal: string, takes: (value: unknown) => boolean = () => true): PropertyDecorator {
  return (target, property) => {
    FieldRule('unchangeable', (value) => (value === undefined || takes(value) ? undefined : refusal))(target, property);
    const refusals = { ...refusalsOf(target), [property]: refusal };
    Reflect.defineMetadata(UNCHANGEABLE, refusals, target);
  };
}

/** The unchangeable fields `body` sends with another value than `record` holds, each with its refusal. */
export function changedUnchangeables(body: object, record: object): Record<string, string> {
  const sent = body as Record<string, unknown>;
  const held = record as Record<string, unknown>;
  return Object.fromEntries(Object.entries(refusalsOf(body)).filter(([name]) => sent[name] !== undefined && !sameValue(sent[name], held[name])));
}

/** The fields `body` sends that an edit may change: every one sent but the unchangeable ones. */
export function editedFields(body: object): Record<string, unknown> {
  const unchangeable = refusalsOf(body);
  return Object.fromEntries(Object.entries(body).filter(([name, value]) => value !== undefined && !(name in unchangeable)));
}

// A list sent back in another order is the same: the lists an edit may not change are sets (an application's grants, a user's roles).
const sameValue = (sent: unknown, held: unknown): boolean => JSON.stringify(sorted(sent)) === JSON.stringify(sorted(held));
const sorted = (value: unknown): unknown => (Array.isArray(value) ? [...value].sort() : value);

/**
 * For a body with service rules, the look-up of the record it edits: should the record not be
 * there, or not the caller's to edit, a body with problems of its own is refused for them, as
 * the pipe refuses any other body before a record is looked for. Use it as `.catch()`.
 */
export const malformedFirst =
  (body: object, refused: string) =>
  (error: unknown): never => {
    const problems = fieldProblems(body);
    if (Object.keys(problems).length) throw new ValidationFailedException(problems, refused);
    throw error;
  };

// Read through the prototype chain: a body class inherits the unchangeable fields of the class it extends.
const refusalsOf = (target: object): Record<string, string> => (Reflect.getMetadata(UNCHANGEABLE, target) as Record<string, string> | undefined) ?? {};
