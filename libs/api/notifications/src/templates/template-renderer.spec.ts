import { renderTemplate, templateProblems, type TemplateValues } from './template-renderer';

const values: TemplateValues = {
  applicationName: 'ERP <Sync> & "Co"',
  clientId: 'abc123',
  organizationName: 'Acme',
  ownerName: 'Ann Smith',
  grants: 'Client Credentials',
  applicationUrl: 'http://localhost:3000/admin/oauth-applications/1/show',
  time: '2026-11-23 10:00 UTC',
  secretExpiresAt: 'never',
  previousSecretsExpireAt: '2026-11-30 10:00 UTC',
  lastUsedAt: 'never',
  deactivatesAt: '2026-12-30 10:00 UTC',
};

describe('email templates', () => {
  it('fills placeholders, escaping HTML in HTML bodies only', () => {
    expect(renderTemplate('<p>{{ applicationName }} ({{clientId}})</p>', values, { html: true })).toBe('<p>ERP &lt;Sync&gt; &amp; &quot;Co&quot; (abc123)</p>');
    expect(renderTemplate('Added: {{ applicationName }}', values, { html: false })).toBe('Added: ERP <Sync> & "Co"');
  });

  it('refuses unknown variables (a secret among them) and unclosed placeholders when saved', () => {
    expect(templateProblems('Secret: {{ clientSecret }}')).toEqual([expect.stringContaining('Unknown variable {{ clientSecret }}')]);
    expect(templateProblems('Hello {{ ownerName ')).toEqual(['A placeholder is not closed: write {{ variableName }}.']);
    expect(templateProblems('Hello {{ ownerName }}, {{ applicationName }}')).toEqual([]);
  });

  it('renders nothing for what it was not given', () => {
    expect(renderTemplate('{{ clientSecret }}', values, { html: true })).toBe('');
  });
});
