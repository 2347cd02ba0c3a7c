import { ForbiddenException, Injectable } from '@nestjs/common';
import { permissionsAllowed } from '@keyhouse/shared-contracts';
import { UserReaches } from '@keyhouse/api-identity';
import type { Reach } from '@keyhouse/api-platform';
import type { OAuthApplication } from '../entities';

/** Who makes a change: a user within their reach, or the command line (an operator's reach, no user). */
export interface Actor {
  reach: Reach;
  userId: number | null;
}

type ActingApplication = Pick<OAuthApplication, 'organizationId' | 'frontend' | 'userId' | 'scopes' | 'grants'>;

/**
 * An application that acts as a back-office user (client_credentials) is that user for whoever
 * holds its secret, inside its organization and its scopes. So whoever creates it, edits it,
 * activates it or takes a secret of it must be able to do all of that themselves.
 */
@Injectable()
export class ApplicationAccess {
  constructor(private readonly reaches: UserReaches) {}

  async assertMayActAs(actor: Actor, application: ActingApplication): Promise<void> {
    if (application.frontend || application.userId === null || !application.grants.includes('client_credentials')) return;
    const user = await this.reaches.of(application.userId);
    const tokens = user?.within(application.organizationId, permissionsAllowed(application.scopes, application.scopes));
    if (tokens && !actor.reach.covers(tokens)) {
      throw new ForbiddenException({
        message: 'This application acts as a user who may do more than you may in its organization: only someone who may do all of it can set it up or take its secrets.',
      });
    }
  }
}
