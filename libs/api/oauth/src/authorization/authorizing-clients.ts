import { Injectable } from '@nestjs/common';
import { OAuthApplication } from '@keyhouse/api-applications';
import { DataSource } from 'typeorm';
import type { ProtocolClient } from '../clients/protocol-client';
import { ProtocolQueries } from '../clients/protocol-queries';

/** What the authorization pages need of an application beyond the token endpoint's view of it. */
export interface AuthorizingClient {
  protocol: ProtocolClient;
  name: string;
  slug: string;
  /** The organization that publishes the application (not the one it is installed in). */
  organizationName: string;
  redirectUris: string[];
  firstParty: boolean;
  allowPlainPkce: boolean;
  installUrl: string | null;
}

@Injectable()
export class AuthorizingClients {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queries: ProtocolQueries,
  ) {}

  byClientId(clientId: string): Promise<AuthorizingClient | undefined> {
    return this.find({ clientId });
  }

  /** The marketplace's "integration name". */
  bySlug(slug: string): Promise<AuthorizingClient | undefined> {
    return this.find({ slug });
  }

  /** Whether some active application still accepts plain PKCE (RFC 7636 4.2), which metadata must then list. */
  anyAllowsPlainPkce(): Promise<boolean> {
    return this.dataSource.getRepository(OAuthApplication).exists({ where: { allowPlainPkce: true, active: true } });
  }

  private async find(where: { clientId: string } | { slug: string }): Promise<AuthorizingClient | undefined> {
    const application = await this.dataSource.getRepository(OAuthApplication).findOne({ where, relations: { organization: true } });
    const protocol = application && (await this.queries.client(application.clientId));
    if (!application || !protocol) return undefined;
    return {
      protocol,
      name: application.name,
      slug: application.slug,
      organizationName: application.organization?.name ?? '',
      redirectUris: application.redirectUris,
      firstParty: application.firstParty,
      allowPlainPkce: application.allowPlainPkce,
      installUrl: application.installUrl,
    };
  }
}
