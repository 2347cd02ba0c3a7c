import { Injectable } from '@nestjs/common';
import { ORGANIZATION_PLACEHOLDER } from '@keyhouse/api-applications';
import { fieldsOf } from '@keyhouse/api-platform';
import type { FlowAnswer } from './authorization-flow';
import { AuthorizationPageError } from './authorization-request';
import { AuthorizingClients, type AuthorizingClient } from './authorizing-clients';
import { Visitors, type Cookies } from './visitors';

/**
 * `GET /oauth/start?integration_name=SLUG`, the app store's entry point: nothing but the
 * application's slug is needed. An application with an install URL is opened there, for the
 * visitor's organization (Gorgias' "App URL"), and starts the flow itself; any other goes
 * straight to the authorization endpoint with its registered redirect URI.
 */
@Injectable()
export class AppStart {
  constructor(
    private readonly clients: AuthorizingClients,
    private readonly visitors: Visitors,
  ) {}

  async start(query: unknown, cookies: Cookies, requestUrl: string): Promise<FlowAnswer> {
    const fields = fieldsOf(query);
    const slug = fields['integration_name'];
    if (typeof slug !== 'string' || slug === '') throw new AuthorizationPageError('Unknown application', 'Say which application to start (integration_name).');
    const client = await this.clients.bySlug(slug);
    if (!client?.protocol.active || !client.protocol.grants.includes('authorization_code')) {
      throw new AuthorizationPageError('Unknown application', `No application named "${slug}" can be installed.`, 404);
    }
    if (client.installUrl) return this.openInstallUrl(client, client.installUrl, fields['organization_id'], cookies, requestUrl);
    if (!client.protocol.confidential) {
      throw new AuthorizationPageError('Start from the application', `${client.name} must be started from its own site: it has to send a PKCE challenge.`);
    }
    const authorize = new URLSearchParams({ response_type: 'code', client_id: client.protocol.clientId, redirect_uri: client.redirectUris[0] });
    return { kind: 'redirect', location: `/oauth2-token/authorize?${authorize.toString()}` };
  }

  private async openInstallUrl(client: AuthorizingClient, installUrl: string, organizationField: unknown, cookies: Cookies, requestUrl: string): Promise<FlowAnswer> {
    const visitor = await this.visitors.resolve(cookies, client.protocol.frontend);
    if (!visitor) return { kind: 'sign-in', audience: client.protocol.frontend ? 'storefront' : 'back-office', returnTo: requestUrl };
    const wanted = organizationField === undefined ? visitor.organizations[0]?.id : Number(organizationField);
    if (!visitor.organizations.some((organization) => organization.id === wanted)) {
      throw new AuthorizationPageError('No organization', 'You can only install applications in an organization you belong to.', 403);
    }
    return { kind: 'redirect', location: installUrl.replaceAll(ORGANIZATION_PLACEHOLDER, encodeURIComponent(String(wanted))) };
  }
}
