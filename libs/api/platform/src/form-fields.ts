/**
 * A form body as fields. A repeated field keeps all its values (an array), so whoever reads the
 * fields can refuse the repetition (RFC 6749 3.2) instead of silently keeping one of them.
 */
export function parseFormFields(text: string): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = {};
  for (const [name, value] of new URLSearchParams(text)) {
    const previous = fields[name];
    fields[name] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
  }
  return fields;
}
