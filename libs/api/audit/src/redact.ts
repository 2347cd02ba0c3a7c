/** Names that may hold a secret, whatever a feature puts in a snapshot: dropped before storing. */
const SECRET_NAME = /secret|digest|password|hash|csrf|^token$|^code$|verifier/i;

/** A copy without any value whose name suggests a secret, at any depth. */
export function redact(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(value)
      .filter(([name]) => !SECRET_NAME.test(name))
      .map(([name, inner]) => [name, isPlainObject(inner) ? redact(inner) : Array.isArray(inner) ? inner.map((item) => (isPlainObject(item) ? redact(item) : item)) : inner]),
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
