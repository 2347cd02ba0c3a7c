import { Injectable } from '@nestjs/common';
import type { ProtocolClient } from './clients/protocol-client';
import { ProtocolQueries } from './clients/protocol-queries';
import type { Person } from './openid/claims';
import { CustomerUser, User } from '@keyhouse/api-identity';
import { DataSource } from 'typeorm';

export type SubjectType = 'user' | 'customer';

export const subjectTypeOf = (application: Pick<ProtocolClient, 'frontend'>): SubjectType => (application.frontend ? 'customer' : 'user');

/**
 * The `sub` of everything issued for a subject of `application` (access tokens, introspection,
 * ID tokens, userinfo): `user:<id>` or `customer:<id>`. Back-office users and customer users are
 * numbered apart, so the bare id would name two people; the type makes it unique per issuer
 * (RFC 7519 4.1.2, OpenID Connect Core 1.0 2: "locally unique and never reassigned") and stable.
 */
export function subjectClaim(application: Pick<ProtocolClient, 'frontend'>, subjectId: number): string {
  return `${subjectTypeOf(application)}:${subjectId}`;
}

/**
 * The id behind a `sub` that `subjectClaim` made for `application`'s side, or undefined. Tokens
 * signed before `sub` carried the type hold the bare id; they stay good until they expire (a day
 * at most, the longest access-token lifetime), and their signature vouches that the id is of the
 * application's side.
 */
export function subjectIdFromClaim(application: Pick<ProtocolClient, 'frontend'>, sub: string): number | undefined {
  const match = /^(?:(user|customer):)?([1-9][0-9]{0,14})$/.exec(sub);
  if (!match || (match[1] !== undefined && match[1] !== subjectTypeOf(application))) return undefined;
  return Number(match[2]);
}

/** The people tokens act for: back-office users for back-office applications, customer users for storefront ones. */
@Injectable()
export class Subjects {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queries: ProtocolQueries,
  ) {}

  /**
   * Whether the subject exists, is enabled and still belongs to the organization of the grant:
   * the one the application was installed in, or else the application's own.
   */
  isActive(application: ProtocolClient, subjectId: number, organizationId = application.organizationId): Promise<boolean> {
    return this.queries.subjectIsActive(application, subjectId, organizationId);
  }

  /** What OpenID Connect's standard claims tell of the subject (Core 5.1), or null once it is gone. */
  person(application: ProtocolClient, subjectId: number): Promise<Person | null> {
    const select = { firstName: true, lastName: true, email: true, locale: true };
    return application.frontend
      ? this.dataSource.getRepository(CustomerUser).findOne({ where: { id: subjectId }, select })
      : this.dataSource.getRepository(User).findOne({ where: { id: subjectId }, select });
  }
}
