import { Injectable } from '@nestjs/common';
import { ClientSecret, OAuthApplication, secretMatchesDigest } from '@keyhouse/api-applications';
import { DataSource } from 'typeorm';
import { InvalidClientError } from '../errors/oauth-errors';
import { UsageRecorder } from '../usage/usage-recorder';
import type { PresentedClient } from './client-credentials';

// Compared against when there is nothing real to compare, so every failure costs the same.
const DECOY_DIGEST = '0'.repeat(64);

@Injectable()
export class ClientAuthenticator {
  constructor(
    private readonly dataSource: DataSource,
    private readonly usage: UsageRecorder,
  ) {}

  /**
   * The application behind the presented credentials. Unknown client, wrong or expired secret,
   * deactivated application: all the same `invalid_client`, after the same work.
   */
  async authenticate(presented: PresentedClient): Promise<OAuthApplication> {
    const application = await this.dataSource
      .getRepository(OAuthApplication)
      .createQueryBuilder('application')
      .leftJoinAndSelect('application.secrets', 'secret')
      .addSelect('secret.digest')
      .where('application.clientId = :clientId', { clientId: presented.clientId })
      .getOne();

    const now = Date.now();
    const live = (application?.secrets ?? []).filter((secret) => !secret.expiresAt || secret.expiresAt.getTime() > now);
    const matched = this.match(presented.secret ?? '', live);
    const accepted =
      application !== null &&
      application.active &&
      (application.confidential ? presented.method !== 'none' && matched !== undefined : presented.method === 'none');
    if (!application || !accepted) throw new InvalidClientError();

    this.usage.secretUsed(matched?.id);
    return application;
  }

  /** Checks every live secret (rotation may leave two), without stopping at the first match. */
  private match(secret: string, live: ClientSecret[]): ClientSecret | undefined {
    let matched: ClientSecret | undefined;
    for (const candidate of live.length ? live : [{ digest: DECOY_DIGEST } as ClientSecret]) {
      if (secretMatchesDigest(secret, candidate.digest) && candidate.id !== undefined) matched ??= candidate;
    }
    return matched;
  }
}
