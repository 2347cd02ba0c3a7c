/** A request body or query as named fields; anything that is not an object has none. */
export function fieldsOf(raw: unknown): Record<string, unknown> {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
}

/** Each field outside `allowed`, reported at its name: an unknown field is refused, never silently dropped or stored. */
export function unknownFieldErrors(fields: Record<string, unknown>, allowed: readonly string[]): Record<string, string> {
  return Object.fromEntries(Object.keys(fields).filter((name) => !allowed.includes(name)).map((name) => [name, `Unknown field "${name}".`]));
}
