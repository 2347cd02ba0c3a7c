import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { usesClientSecret, type ClientCredentialsDto, type OAuthApplicationDto, type Permission } from '@keyhouse/shared-contracts';
import { isDuplicateKeyError, type ListParams, type Page } from '@keyhouse/api-persistence';
import { assertCan, AuditTrail, changedFields, DomainEvents, Reach, ValidationFailedException, type AuditEntry, type BackOfficeCaller } from '@keyhouse/api-platform';
import { DataSource, type EntityManager } from 'typeorm';
import { ApplicationAccess, type Actor } from './access/application-access';
import { applicationScope } from './access/application-scope';
import { applicationEvent } from './application-events';
import type { CreateApplicationBody, UpdateApplicationBody } from './application.body';
import { applicationChanges, newApplication, type NewApplication } from './application-rules';
import { Dormancy } from './dormancy/dormancy';
import { toApplicationDto } from './dto';
import { ClientSecret, OAuthApplication } from './entities';
import { OAuthApplicationsRepository } from './oauth-applications.repository';
import { ClientAuthThrottleRepository, NO_FAILURES } from './policy/client-auth-throttle.repository';
import { digestSecret, generateClientId, generateClientSecret } from './secrets/credentials';
import { assertHasSecrets } from './secrets/secret-holders';
import { firstFreeSlug, slugify } from './slug';

export interface CreatedApplication {
  application: OAuthApplicationDto;
  /** Null for a public client and a private_key_jwt one. Returned once, never stored. */
  clientSecret: string | null;
}

/** The operator at the command line (`npm run keyhouse`): whoever runs it holds the server, so an operator's reach, as no user. */
export const COMMAND_LINE: Actor = { reach: Reach.operator(), userId: null };

const NAME_TAKEN = 'An application with this name already exists in this organization.';
const SLUG_TAKEN = 'This slug is already used by another application.';

@Injectable()
export class OAuthApplicationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly applications: OAuthApplicationsRepository,
    private readonly events: DomainEvents,
    private readonly audit: AuditTrail,
    private readonly dormancy: Dormancy,
    private readonly access: ApplicationAccess,
    private readonly throttles: ClientAuthThrottleRepository,
  ) {}

  /**
   * The applications of the organizations where the caller may view them, and the back-office
   * applications acting as the caller in their own organizations; without the view permission
   * anywhere, only the latter, asked for as such.
   */
  list(caller: BackOfficeCaller, params: ListParams): Promise<Page<OAuthApplication>> {
    if (!caller.reach.canAnywhere('oauth_applications.view') && !isOwnApplicationsFilter(caller, params.filter)) {
      throw new ForbiddenException({ message: 'You need the "oauth_applications.view" permission for this.' });
    }
    return this.applications.list(applicationScope(caller), params);
  }

  async get(caller: BackOfficeCaller, id: number): Promise<OAuthApplicationDto> {
    return this.dto(await this.findOrFail(caller, id));
  }

  create(caller: BackOfficeCaller, body: CreateApplicationBody): Promise<CreatedApplication> {
    return this.createAs(caller, body);
  }

  async createAs(actor: Actor, body: CreateApplicationBody): Promise<CreatedApplication> {
    const input = newApplication(body);
    const organizationId = chooseOrganization(actor, input.organizationId);
    if (input.firstParty) assertMayMarkFirstParty(actor);
    await this.assertAvailable(organizationId, input);
    await this.access.assertMayActAs(actor, { ...input, userId: input.frontend ? null : input.userId });
    const slug = input.slug ?? firstFreeSlug(slugify(input.name), await this.applications.slugsLike(slugify(input.name)));
    const clientSecret = usesClientSecret(input.tokenEndpointAuthMethod) ? generateClientSecret() : null;

    const id = await this.translateRaces(() =>
      this.dataSource.transaction(async (db) => {
        const application = await db.getRepository(OAuthApplication).save(
          db.getRepository(OAuthApplication).create({
            organizationId,
            name: input.name,
            slug,
            active: input.active,
            grants: input.grants,
            frontend: input.frontend,
            userId: input.frontend ? null : input.userId,
            customerUserId: input.frontend ? input.userId : null,
            confidential: input.confidential,
            tokenEndpointAuthMethod: input.tokenEndpointAuthMethod,
            jwks: input.jwks,
            jwksUri: input.jwksUri,
            redirectUris: input.redirectUris,
            scopes: input.scopes,
            accessTokenTtl: input.accessTokenTtl,
            firstParty: input.firstParty,
            allowPlainPkce: input.allowPlainPkce,
            installUrl: input.installUrl,
            listed: input.listed,
            allowedIpRanges: input.allowedIpRanges.length ? input.allowedIpRanges : null,
            clientId: generateClientId(),
            lastUsedAt: null,
            createdBy: actor.userId,
          }),
        );
        if (clientSecret) await db.getRepository(ClientSecret).insert({ applicationId: application.id, digest: digestSecret(clientSecret) });
        await this.events.publish(applicationEvent('oauth_application.created', application, actor.userId), db);
        return application.id;
      }),
    );
    return { application: await this.dto(await this.findOrFail(actor, id)), clientSecret };
  }

  async update(caller: BackOfficeCaller, id: number, body: UpdateApplicationBody): Promise<OAuthApplicationDto> {
    const application = await this.findToChange(caller, id, 'oauth_applications.edit');
    const before = await this.dto(application);
    const changes = applicationChanges(body, before);
    if (changes.firstParty !== undefined && changes.firstParty !== application.firstParty) assertMayMarkFirstParty(caller);
    await this.access.assertMayActAs(caller, { ...application, ...changes });
    const errors: Record<string, string> = {};
    if (changes.name !== undefined && (await this.applications.nameTaken(application.organizationId, changes.name, id))) errors['name'] = NAME_TAKEN;
    if (changes.slug !== undefined && (await this.applications.slugTaken(changes.slug, id))) errors['slug'] = SLUG_TAKEN;
    if (Object.keys(errors).length) throw new ValidationFailedException(errors);
    const diff = changedFields({ ...before }, changes);
    if (diff.after && Object.keys(diff.after).length) {
      await this.translateRaces(() =>
        this.dataSource.transaction(async (db) => {
          await db.getRepository(OAuthApplication).update({ id }, changes);
          await this.audit.record({ ...auditOf(application, caller.userId, 'oauth_application.updated'), ...diff }, db);
        }),
      );
    }
    return this.dto(await this.findOrFail(caller, id));
  }

  setActive(caller: BackOfficeCaller, id: number, active: boolean): Promise<OAuthApplicationDto> {
    return this.setActiveAs(caller, id, active);
  }

  async setActiveAs(actor: Actor, id: number, active: boolean): Promise<OAuthApplicationDto> {
    const application = await this.findToChange(actor, id, 'oauth_applications.edit');
    // Activating gives its secrets back their power; deactivating only takes it away.
    if (active) await this.access.assertMayActAs(actor, application);
    if (application.active !== active) await this.dataSource.transaction((db) => this.writeActive(db, application, active, actor.userId));
    return this.dto(await this.findOrFail(actor, id));
  }

  /**
   * Deactivates a dormant application as the server itself, the way the console does, if `claim`
   * (run first, in the same transaction) still finds it due: of several instances, exactly one goes on.
   */
  deactivateDormant(application: OAuthApplication, claim: (db: EntityManager) => Promise<boolean>): Promise<boolean> {
    return this.dataSource.transaction(async (db) => {
      if (!(await claim(db))) return false;
      await this.writeActive(db, application, false, null);
      return true;
    });
  }

  /** Ends the throttle of every client address after wrong secrets, and starts counting again from zero. */
  async unlock(caller: BackOfficeCaller, id: number): Promise<OAuthApplicationDto> {
    const application = await this.findToChange(caller, id, 'oauth_applications.edit');
    const { failedAuthentications, lockedUntil } = await this.dto(application);
    await this.dataSource.transaction(async (db) => {
      await this.throttles.clearAll(id, db);
      await this.audit.record(
        {
          ...auditOf(application, caller.userId, 'oauth_application.unlocked'),
          before: { failedAuthentications, lockedUntil },
          after: { failedAuthentications: 0, lockedUntil: null },
        },
        db,
      );
    });
    return this.dto(await this.findOrFail(caller, id));
  }

  /** Replaces every secret of the application by a new one, in one transaction: the old ones stop at once. */
  async regenerateSecret(caller: BackOfficeCaller, id: number): Promise<ClientCredentialsDto> {
    const application = await this.findToChange(caller, id, 'oauth_applications.edit');
    await this.access.assertMayActAs(caller, application);
    assertHasSecrets(application, 'secret to regenerate');
    const clientSecret = generateClientSecret();
    await this.dataSource.transaction(async (db) => {
      await db.getRepository(ClientSecret).delete({ applicationId: id });
      await db.getRepository(ClientSecret).insert({ applicationId: id, digest: digestSecret(clientSecret) });
      await this.events.publish(applicationEvent('oauth_application.secret_regenerated', application, caller.userId), db);
    });
    return { clientId: application.clientId, clientSecret };
  }

  /** Deletes the application and, by cascade, its secrets and everything issued to it. */
  async delete(caller: BackOfficeCaller, id: number): Promise<OAuthApplicationDto> {
    const application = await this.findToChange(caller, id, 'oauth_applications.delete');
    await this.dataSource.transaction(async (db) => {
      // Published first: listeners may still read what is about to go.
      await this.events.publish(applicationEvent('oauth_application.deleted', application, caller.userId), db);
      await db.getRepository(OAuthApplication).delete({ id });
    });
    return this.dto(application);
  }

  /** Every activation and deactivation: the row (a pending dormancy warning no longer applies), then what is published or audited. */
  private async writeActive(db: EntityManager, application: OAuthApplication, active: boolean, actorUserId: number | null): Promise<void> {
    await db.getRepository(OAuthApplication).update({ id: application.id }, { active, dormantWarnedAt: null });
    // A deactivation is published (its listeners include the audit trail); an activation is only audited.
    if (!active) await this.events.publish(applicationEvent('oauth_application.deactivated', application, actorUserId), db);
    else await this.audit.record({ ...auditOf(application, actorUserId, 'oauth_application.activated'), before: { active: false }, after: { active: true } }, db);
  }

  /** Applications as answers show them; the wrong secrets of all of them are read in one query. */
  async toDtos(applications: OAuthApplication[]): Promise<OAuthApplicationDto[]> {
    const throttles = await this.throttles.summaries(applications.map((application) => application.id));
    const dormantBefore = this.dormancy.before();
    return applications.map((application) => toApplicationDto(application, dormantBefore, throttles.get(application.id) ?? NO_FAILURES));
  }

  private async dto(application: OAuthApplication): Promise<OAuthApplicationDto> {
    const [dto] = await this.toDtos([application]);
    return dto;
  }

  /**
   * The application if the actor may see it. One of their own organizations' that they may not
   * see is 403 (they know it is there); anyone else's is 404, as if it did not exist.
   */
  async findOrFail(actor: Actor, id: number): Promise<OAuthApplication> {
    const application = await this.applications.findVisible(applicationScope(actor), id);
    if (application) return application;
    if (await this.applications.findVisible({ viewable: actor.reach.memberOf }, id)) {
      throw new ForbiddenException({ message: 'You need the "oauth_applications.view" permission for this.' });
    }
    throw new NotFoundException({ message: `OAuth application ${id} not found.` });
  }

  /** The application if the actor may see it and has `permission` in its organization (403 if only the first). */
  async findToChange(actor: Actor, id: number, permission: Permission): Promise<OAuthApplication> {
    const application = await this.findOrFail(actor, id);
    assertCan(actor.reach, permission, application.organizationId);
    return application;
  }

  private async assertAvailable(organizationId: number, input: NewApplication): Promise<void> {
    const errors: Record<string, string> = {};
    if (input.userId !== null && !(await this.applications.ownerBelongs(organizationId, input.userId, input.frontend))) {
      errors['userId'] = input.frontend ? 'Choose a customer user of this organization.' : 'Choose a user of this organization.';
    }
    if (await this.applications.nameTaken(organizationId, input.name)) errors['name'] = NAME_TAKEN;
    if (input.slug && (await this.applications.slugTaken(input.slug))) errors['slug'] = SLUG_TAKEN;
    if (Object.keys(errors).length) throw new ValidationFailedException(errors);
  }

  /** Two requests that passed the checks together: the unique index decides, the loser gets the same 400. */
  private async translateRaces<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      // SQLite names the column; MySQL names the index (the slug's unique index, see the migration).
      const onSlug = /slug|79b5c308457b66620eb0075e44/.test(String((error as Error).message));
      throw new ValidationFailedException(onSlug ? { slug: SLUG_TAKEN } : { name: NAME_TAKEN });
    }
  }
}

/**
 * Where an application is created: the organization named, which must be one where the actor may
 * create them, or else the only one of theirs (for an operator: the only one they belong to).
 */
function chooseOrganization({ reach }: Actor, requested: number | undefined): number {
  const allowed = reach.organizationsWith('oauth_applications.create');
  if (requested === undefined) {
    const candidates = allowed === 'all' ? reach.memberOf : allowed;
    if (candidates.length === 1) return candidates[0];
    throw new ValidationFailedException({ organizationId: 'Choose an organization.' });
  }
  if (!reach.can('oauth_applications.create', requested)) throw new ValidationFailedException({ organizationId: 'Choose one of your organizations.' });
  return requested;
}

/** A first-party application skips consent in its organization: the platform vouches for it, so only an operator may say so. */
function assertMayMarkFirstParty({ reach }: Actor): void {
  if (!reach.platformOperator) {
    throw new ValidationFailedException({ firstParty: 'Only a platform operator can mark an application first-party (trusted, no consent asked).' });
  }
}

function isOwnApplicationsFilter(caller: BackOfficeCaller, rawFilter: string | undefined): boolean {
  try {
    const filter = JSON.parse(rawFilter ?? '{}') as Record<string, unknown>;
    return Number(filter['userId']) === caller.userId && filter['frontend'] === false;
  } catch {
    return false;
  }
}

/** The audit entry's frame for a change to this application; the change adds before and after. */
function auditOf(application: OAuthApplication, actorUserId: number | null, action: string): AuditEntry {
  return { action, actorUserId, target: { type: 'oauth_application', id: application.id, name: application.name }, organizationId: application.organizationId };
}
