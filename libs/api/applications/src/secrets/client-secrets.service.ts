import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { MAX_LIVE_SECRETS, type ClientSecretDto, type CreatedClientSecretDto } from '@keyhouse/shared-contracts';
import { DomainEvents, type BackOfficeCaller } from '@keyhouse/api-platform';
import { DataSource } from 'typeorm';
import { secretEvent } from '../application-events';
import { APPLICATIONS_OPTIONS, type ApplicationsOptions } from '../applications-options';
import { ApplicationAccess } from '../access/application-access';
import { OAuthApplicationsService } from '../oauth-applications.service';
import { toClientSecretDto } from './client-secret-dto';
import { ClientSecretsRepository } from './client-secrets.repository';
import { digestSecret, generateClientSecret } from './credentials';
import type { AddClientSecretBody } from './client-secret.body';
import { assertHasSecrets } from './secret-holders';
import { exceedsLiveSecrets, rotationWarnsOfExpiry, secretRotation } from './secret-rotation';

const TOO_MANY_LIVE = `An application can have at most ${MAX_LIVE_SECRETS} live secrets.`;

/**
 * Zero-downtime rotation: a new secret is added next to the live ones, which keep working until
 * a deadline, so clients can move over one by one; `POST oauth-applications/:id/secret`
 * (regenerate) remains the way to replace every secret at once.
 */
@Injectable()
export class ClientSecretsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly applications: OAuthApplicationsService,
    private readonly access: ApplicationAccess,
    private readonly secrets: ClientSecretsRepository,
    private readonly events: DomainEvents,
    @Inject(APPLICATIONS_OPTIONS) private readonly options: ApplicationsOptions,
  ) {}

  async list(principal: BackOfficeCaller, applicationId: number): Promise<ClientSecretDto[]> {
    await this.applications.findToChange(principal, applicationId, 'oauth_applications.view');
    return (await this.secrets.list(applicationId)).map(toClientSecretDto);
  }

  /**
   * Adds a secret, answered once with its value, and sets the live ones to expire at the
   * rotation's deadline, in one transaction with the event that emails the owner.
   */
  async add(principal: BackOfficeCaller, applicationId: number, body: AddClientSecretBody): Promise<CreatedClientSecretDto> {
    const application = await this.applications.findToChange(principal, applicationId, 'oauth_applications.edit');
    await this.access.assertMayActAs(principal, application);
    assertHasSecrets(application, 'secrets');
    const now = new Date();
    const rotation = secretRotation(body, now);
    const clientSecret = generateClientSecret();

    const added = await this.dataSource.transaction(async (db) => {
      await this.secrets.lockApplication(db, applicationId);
      if (exceedsLiveSecrets(await this.secrets.countLive(db, applicationId, now), rotation, now)) {
        throw new ConflictException({
          message: `${TOO_MANY_LIVE} Revoke one first, or let the current ones expire now.`,
          errors: { previousExpiresAt: `${TOO_MANY_LIVE} Choose now to revoke the current ones.` },
        });
      }
      // Inside the warning period the rotation email already names the deadline: no second email.
      const warnedAt = rotationWarnsOfExpiry(rotation, now, this.options.secretExpiryWarningDays) ? now : null;
      await this.secrets.expireAllAfter(db, applicationId, rotation.previousExpiresAt, warnedAt);
      const secret = await this.secrets.insert(db, applicationId, digestSecret(clientSecret), rotation.expiresAt);
      await this.events.publish(
        secretEvent('oauth_application.secret_added', application, principal.userId, {
          id: secret.id,
          expiresAt: secret.expiresAt?.toISOString() ?? null,
          previousExpiresAt: rotation.previousExpiresAt.toISOString(),
        }),
        db,
      );
      return secret;
    });
    return { ...toClientSecretDto(added), clientId: application.clientId, clientSecret };
  }

  /**
   * Deletes one secret at once. Revoking the last live secret is allowed: a leaked secret must be
   * stoppable before its replacement exists (the console says the application then gets no
   * token until a secret is added). Removing an already expired secret changes nothing for
   * clients, so it publishes nothing and emails no one.
   */
  async revoke(principal: BackOfficeCaller, applicationId: number, secretId: number): Promise<ClientSecretDto> {
    const application = await this.applications.findToChange(principal, applicationId, 'oauth_applications.edit');
    const now = new Date();
    return this.dataSource.transaction(async (db) => {
      const secret = await this.secrets.findOne(db, applicationId, secretId);
      if (!secret) throw new NotFoundException({ message: `Client secret ${secretId} not found.` });
      await this.secrets.delete(db, secretId);
      if (secret.expiresAt === null || secret.expiresAt > now) {
        await this.events.publish(
          secretEvent('oauth_application.secret_revoked', application, principal.userId, { id: secret.id, expiresAt: now.toISOString() }),
          db,
        );
      }
      return toClientSecretDto(secret);
    });
  }
}
