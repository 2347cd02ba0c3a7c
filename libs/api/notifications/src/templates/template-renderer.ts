import { TEMPLATE_VARIABLES, type TemplateVariable } from '@keyhouse/shared-contracts';

// There is no variable for a secret or its digest: a template cannot render what the renderer is never given.
export type TemplateValues = Record<TemplateVariable, string>;

const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

/** Problems that would make a template fail or leak at send time; checked when it is saved. */
export function templateProblems(source: string): string[] {
  const problems: string[] = [];
  for (const [, name] of source.matchAll(PLACEHOLDER)) {
    if (!TEMPLATE_VARIABLES.includes(name as TemplateVariable)) {
      problems.push(`Unknown variable {{ ${name} }}; available: ${TEMPLATE_VARIABLES.join(', ')}.`);
    }
  }
  const unclosed = source.replace(PLACEHOLDER, '');
  if (unclosed.includes('{{') || unclosed.includes('}}')) problems.push('A placeholder is not closed: write {{ variableName }}.');
  return [...new Set(problems)];
}

/** Fills the placeholders; values are HTML-escaped when the target is HTML. */
export function renderTemplate(source: string, values: TemplateValues, { html }: { html: boolean }): string {
  return source.replace(PLACEHOLDER, (_, name: string) => {
    const value = values[name as TemplateVariable] ?? '';
    return html ? escapeHtml(value) : value;
  });
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}
