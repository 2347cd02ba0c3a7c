/**
 * A form body as fields. A repeated field keeps all its values (an array), so whoever reads the
 * fields can refuse the repetition (RFC 6749 3.2) instead of silently keeping one of them.
 * Gathered in a Map: on a plain object a field named `toString` or `constructor` would find the
 * inherited function as its "previous value", and `__proto__` would be dropped by its setter.
 */
export function parseFormFields(text: string): Record<string, string | string[]> {
  const fields = new Map<string, string | string[]>();
  for (const [name, value] of new URLSearchParams(text)) {
    const previous = fields.get(name);
    fields.set(name, previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value]);
  }
  return Object.fromEntries(fields);
}
