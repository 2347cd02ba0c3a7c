import type { TemplateValues } from './template-renderer';

/** What the console's live preview fills a template with. */
export function sampleValues(issuer: string): TemplateValues {
  return {
    applicationName: 'ERP Sync',
    clientId: '3f1c9d2a7b8e4f60a1b2c3d4e5f60718',
    organizationName: 'Default Organization',
    ownerName: 'Ann Example',
    grants: 'Client Credentials',
    applicationUrl: `${issuer}/admin/oauth-applications`,
    time: new Date().toUTCString(),
    secretExpiresAt: 'never',
    previousSecretsExpireAt: new Date(Date.now() + 7 * 86_400_000).toUTCString(),
    lastUsedAt: new Date(Date.now() - 120 * 86_400_000).toUTCString(),
    deactivatesAt: new Date(Date.now() + 30 * 86_400_000).toUTCString(),
  };
}
