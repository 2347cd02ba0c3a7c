import { ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { OAuthApplication } from '@keyhouse/api-applications';
import type { BackOfficePrincipal } from '@keyhouse/api-identity';
import { containsFilter, findPage, type ListParams, type Page } from '@keyhouse/api-persistence';
import { AuditTrail, organizationCondition, ValidationFailedException } from '@keyhouse/api-platform';
import type { InstalledAppDto, MarketplaceAppDto, OAuthInstallationDto } from '@keyhouse/shared-contracts';
import { DataSource } from 'typeorm';
import { AuthorizationCodes } from '../authorization/authorization-codes';
import { AuthorizingClients } from '../authorization/authorizing-clients';
import { clientRedirect } from '../authorization/client-redirect';
import { Installation, TokenFamily } from '../entities';
import { scopeAllowedFor } from '../http/scope';
import { OAUTH_OPTIONS, type OAuthOptions } from '../oauth-options';
import type { InstallAppBody } from './install-app.body';
import { Installations, scopesOf } from './installations';
import { InstallationsRepository, type InstallationScope } from './installations.repository';

/** Installed Apps (per organization), Connected Apps (per user), and installing from the console. */
@Injectable()
export class InstallationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: InstallationsRepository,
    private readonly installations: Installations,
    private readonly clients: AuthorizingClients,
    private readonly codes: AuthorizationCodes,
    private readonly audit: AuditTrail,
    @Inject(OAUTH_OPTIONS) private readonly options: OAuthOptions,
  ) {}

  async list(principal: BackOfficePrincipal, params: ListParams): Promise<Page<OAuthInstallationDto>> {
    const page = await this.repository.list(scopeOf(principal), params);
    return { ...page, items: page.items.map(toInstallationDto) };
  }

  async get(principal: BackOfficePrincipal, id: number): Promise<OAuthInstallationDto> {
    return toInstallationDto(await this.findOrFail(principal, id));
  }

  /**
   * Uninstall: the installation's token families go with it (their refresh tokens and codes by
   * cascade), in one transaction, so every access token of it is refused from then on.
   */
  async uninstall(principal: BackOfficePrincipal, id: number): Promise<OAuthInstallationDto> {
    const installation = await this.findOrFail(principal, id);
    const own = installation.subjectType === 'user' && installation.subjectId === principal.userId;
    if (!own && !principal.reach.can('oauth_installations.manage', installation.organizationId)) {
      throw new ForbiddenException({ message: 'You need the "oauth_installations.manage" permission to uninstall apps others installed.' });
    }
    await this.dataSource.transaction(async (db) => {
      await db.getRepository(TokenFamily).delete({ installationId: id });
      await db.getRepository(Installation).delete({ id });
      const { application, organizationName, subject, scopes } = toInstallationDto(installation);
      await this.audit.record(
        {
          action: 'oauth_installation.uninstalled',
          actorUserId: principal.userId,
          target: { type: 'oauth_installation', id, name: application.name },
          organizationId: installation.organizationId,
          before: { application: application.name, organization: organizationName, installedBy: subject.email, scopes },
        },
        db,
      );
    });
    return toInstallationDto(installation);
  }

  /**
   * The marketplace: active back-office applications with the authorization code grant that
   * their publishers listed, and the unlisted ones of the caller's own organizations.
   */
  async marketplace(principal: BackOfficePrincipal, params: ListParams): Promise<Page<MarketplaceAppDto>> {
    const [ownOrganizations, ownParameters] = organizationCondition('application.organizationId', principal.reach.memberOf, 'ownOrganizations');
    const query = this.dataSource
      .getRepository(OAuthApplication)
      .createQueryBuilder('application')
      .where('application.active = :active AND application.frontend = :frontend AND application.grants LIKE :grant', {
        active: true,
        frontend: false,
        grant: '%authorization_code%',
      })
      .andWhere(`(application.listed = :listed OR ${ownOrganizations})`, { listed: true, ...ownParameters });
    const page = await findPage(query, params, {
      resource: 'marketplace-apps',
      joins: (q) => q.leftJoinAndSelect(`${q.alias}.organization`, 'organization'),
      sortable: { id: 'id', name: { columns: ['name', 'organizationId'], unique: true } },
      defaultSort: ['name', 'ASC'],
      filters: { name: containsFilter('name') },
    });
    return { ...page, items: page.items.map(toMarketplaceAppDto) };
  }

  /**
   * `POST /admin/api/apps/installed`: the signed-in user consents by asking, so the installation
   * is recorded and a code issued at once, for the application's registered redirect URI.
   */
  async install(principal: BackOfficePrincipal, body: InstallAppBody): Promise<InstalledAppDto> {
    const client = await this.clients.bySlug(body.integrationName);
    if (!client?.protocol.active || client.protocol.frontend || !client.protocol.grants.includes('authorization_code')) {
      throw new NotFoundException({ message: `No application named "${body.integrationName}" can be installed.` });
    }
    if (!client.protocol.confidential) {
      throw new ValidationFailedException(
        { integrationName: `${client.name} is a public client: install it from its own site, which sends a PKCE challenge.` },
        'This application cannot be installed directly.',
      );
    }
    // A scope asked for twice is consented to once.
    const requested = body.scopes && [...new Set(body.scopes)];
    const refused = (requested ?? []).filter((scope) => !scopeAllowedFor(client.protocol, scope));
    if (refused.length) throw new ValidationFailedException({ scopes: `Not allowed for this application: ${refused.join(' ')}.` });
    // Installing is consenting as oneself: only where one belongs, since the tokens act as the member there.
    const organizationId = body.organizationId ?? principal.reach.memberOf[0];
    if (organizationId === undefined || !principal.reach.memberOf.includes(organizationId)) {
      throw new ValidationFailedException({ organizationId: 'Choose an organization you belong to.' });
    }

    const scope = requested ?? client.protocol.scopes;
    const redirectUri = client.redirectUris[0];
    const code = await this.dataSource.transaction(async (db) => {
      const application = { id: client.protocol.id, name: client.name };
      const installation = await this.installations.record(db, application, organizationId, { type: 'user', id: principal.userId }, scope);
      return this.codes.issue(db, installation, {
        redirectUri,
        redirectUriSent: false,
        scope,
        codeChallenge: undefined,
        codeChallengeMethod: undefined,
        nonce: undefined,
        authTime: principal.session?.signedInAt,
      });
    });
    return { redirectUrl: clientRedirect(redirectUri, this.options.issuer, { code }) };
  }

  private async findOrFail(principal: BackOfficePrincipal, id: number): Promise<Installation> {
    const installation = await this.repository.findVisible(scopeOf(principal), id);
    if (!installation) throw new NotFoundException({ message: `Installation ${id} not found.` });
    return installation;
  }
}

function scopeOf(principal: BackOfficePrincipal): InstallationScope {
  return { organizations: principal.reach.organizationsWith('oauth_installations.view'), own: { userId: principal.userId, organizationIds: principal.reach.memberOf } };
}

function toInstallationDto(installation: Installation): OAuthInstallationDto {
  const person = installation.subjectType === 'user' ? installation.user : installation.customerUser;
  const fullName = person ? `${person.firstName} ${person.lastName}`.trim() : '';
  const application = installation.application;
  return {
    id: installation.id,
    applicationId: installation.applicationId,
    application: { id: installation.applicationId, name: application?.name ?? '', slug: application?.slug ?? '', clientId: application?.clientId ?? '' },
    organizationId: installation.organizationId,
    organizationName: installation.organization?.name ?? '',
    userId: installation.subjectType === 'user' ? installation.subjectId : null,
    customerUserId: installation.subjectType === 'customer' ? installation.subjectId : null,
    subject: { id: installation.subjectId, name: fullName || (person?.email ?? ''), email: person?.email ?? '' },
    scopes: scopesOf(installation),
    createdAt: installation.createdAt.toISOString(),
    updatedAt: installation.updatedAt.toISOString(),
  };
}

function toMarketplaceAppDto(application: OAuthApplication): MarketplaceAppDto {
  return {
    id: application.id,
    name: application.name,
    slug: application.slug,
    organizationName: application.organization?.name ?? '',
    installUrl: application.installUrl,
    scopes: application.scopes,
    confidential: application.confidential,
    firstParty: application.firstParty,
  };
}
