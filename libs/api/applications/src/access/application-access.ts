import { ForbiddenException, Injectable } from '@nestjs/common';
import { UserReaches } from '@keyhouse/api-identity';
import type { Reach } from '@keyhouse/api-platform';
import type { OAuthApplication } from '../entities';

/** Who makes a change: a user within their reach, or the command line (an operator's reach, no user). */
export interface Actor {
  reach: Reach;
  userId: number | null;
}

type ActingApplication = Pick<OAuthApplication, 'frontend' | 'userId' | 'grants'>;

/**
 * An application that acts as a back-office user (client_credentials) is that user for whoever
 * holds its secret. Its tokens stay in its organization and scopes, but the rule is the one for
 * users: whoever creates it, edits it, activates it or takes a secret of it must be able to do
 * everything that user may (Reach.covers), so nobody borrows a more powerful user's name.
 */
@Injectable()
export class ApplicationAccess {
  constructor(private readonly reaches: UserReaches) {}

  async assertMayActAs(actor: Actor, application: ActingApplication): Promise<void> {
    if (application.frontend || application.userId === null || !application.grants.includes('client_credentials')) return;
    const user = await this.reaches.of(application.userId);
    if (user && !actor.reach.covers(user)) {
      throw new ForbiddenException({
        message: 'This application acts as a user who may do more than you may in its organization: only someone who may do all of it can set it up or take its secrets.',
      });
    }
  }
}
