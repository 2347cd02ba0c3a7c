import { Injectable } from '@nestjs/common';
import { GRANT_TYPES, type GrantType } from '@keyhouse/shared-contracts';
import { CustomerUser, Membership } from '@keyhouse/api-identity';
import {
  booleanFilter,
  containsFilter,
  findPage,
  idFilter,
  ListQueryError,
  type ListParams,
  type ListSpec,
  type Page,
} from '@keyhouse/api-persistence';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { visibleIn, type ApplicationScope } from './access/application-scope';
import { Dormancy } from './dormancy/dormancy';
import { OAuthApplication } from './entities';

const withOwners = (query: SelectQueryBuilder<OAuthApplication>) =>
  query.leftJoinAndSelect(`${query.alias}.user`, 'user').leftJoinAndSelect(`${query.alias}.customerUser`, 'customerUser');

// The owner's name as the answer shows it (dto.ts, ownerOf): "first last", or the username (a
// customer user's email) when both are empty; an application acts as a user or a customer user,
// never both, so the other join is empty. Lower-cased: SQLite compares names by their bytes,
// MySQL's collation ignores letter case. No owner sorts first, like a null on both databases.
const OWNER_FIRST = 'COALESCE(owner.firstName, customerOwner.firstName)';
const OWNER_LAST = 'COALESCE(owner.lastName, customerOwner.lastName)';
const OWNER_FALLBACK = 'COALESCE(owner.username, customerOwner.email)';
const OWNER_NAME = [
  `LOWER(CASE WHEN ${OWNER_FIRST} <> '' THEN ${OWNER_FIRST} WHEN ${OWNER_LAST} <> '' THEN ${OWNER_LAST} ELSE ${OWNER_FALLBACK} END)`,
  `LOWER(CASE WHEN ${OWNER_FIRST} <> '' THEN ${OWNER_LAST} ELSE '' END)`,
];

const APPLICATION_LIST: ListSpec<OAuthApplication> = {
  resource: 'oauth-applications',
  joins: withOwners,
  // Own columns in the order of the grid's indexes (see the entity): pages are read from them,
  // never sorted. The organization's and the owner's names live in other tables: those sorts
  // order the matching rows, each then by the application's name.
  sortable: {
    id: 'id',
    name: { columns: ['name', 'organizationId'], unique: true },
    active: 'active',
    lastUsedAt: { columns: ['lastUsedAt', 'organizationId'] },
    createdAt: { columns: ['createdAt', 'organizationId'] },
    grants: { columns: ['grants', 'name', 'organizationId'], unique: true },
    'organization.name': {
      columns: ['LOWER(organization.name)', 'organizationId', 'name'],
      unique: true,
      join: (query) => query.leftJoin(`${query.alias}.organization`, 'organization'),
    },
    'owner.name': {
      columns: [...OWNER_NAME, 'name', 'organizationId'],
      unique: true,
      join: (query) => query.leftJoin(`${query.alias}.user`, 'owner').leftJoin(`${query.alias}.customerUser`, 'customerOwner'),
    },
  },
  defaultSort: ['name', 'ASC'],
  filters: {
    id: idFilter('id'),
    name: containsFilter('name'),
    organizationId: idFilter('organizationId'),
    active: booleanFilter('active'),
    frontend: booleanFilter('frontend'),
    grant: (query, value, param) => {
      if (!GRANT_TYPES.includes(value as GrantType)) throw new ListQueryError('filter', `grant must be one of ${GRANT_TYPES.join(', ')}`);
      // No grant name contains another, so a substring match on the stored list is exact.
      query.andWhere(`${query.alias}.grants LIKE :${param}`, { [param]: `%${value as string}%` });
    },
    userId: (query, value, param) => {
      const id = Number(value);
      if (!Number.isSafeInteger(id)) throw new ListQueryError('filter', 'userId must be an id');
      const a = query.alias;
      query.andWhere(`((${a}.frontend = :${param}_bo AND ${a}.userId = :${param}) OR (${a}.frontend = :${param}_sf AND ${a}.customerUserId = :${param}))`, {
        [param]: id,
        [`${param}_bo`]: false,
        [`${param}_sf`]: true,
      });
    },
  },
};

/** Every query takes the caller's scope: other tenants' applications do not exist for them. */
@Injectable()
export class OAuthApplicationsRepository {
  // The `dormant` filter depends on DORMANT_AFTER_DAYS, so the list's spec is completed here.
  private readonly listSpec: ListSpec<OAuthApplication>;

  constructor(
    private readonly dataSource: DataSource,
    dormancy: Dormancy,
  ) {
    this.listSpec = { ...APPLICATION_LIST, filters: { ...APPLICATION_LIST.filters, dormant: dormancy.filter() } };
  }

  list(scope: ApplicationScope, params: ListParams): Promise<Page<OAuthApplication>> {
    return findPage(visibleIn(this.dataSource.getRepository(OAuthApplication).createQueryBuilder('application'), scope), params, this.listSpec);
  }

  findVisible(scope: ApplicationScope, id: number, db: EntityManager = this.dataSource.manager): Promise<OAuthApplication | null> {
    return visibleIn(withOwners(db.getRepository(OAuthApplication).createQueryBuilder('application')), scope).andWhere('application.id = :id', { id }).getOne();
  }

  async nameTaken(organizationId: number, name: string, exceptId?: number): Promise<boolean> {
    const query = this.dataSource
      .getRepository(OAuthApplication)
      .createQueryBuilder('application')
      // Case-insensitive on both databases by the column's collation, so the unique index answers it.
      .where('application.name = :name AND application.organizationId = :organizationId', { organizationId, name });
    if (exceptId) query.andWhere('application.id <> :exceptId', { exceptId });
    return (await query.getCount()) > 0;
  }

  async slugTaken(slug: string, exceptId?: number): Promise<boolean> {
    const query = this.dataSource.getRepository(OAuthApplication).createQueryBuilder('application').where('application.slug = :slug', { slug });
    if (exceptId) query.andWhere('application.id <> :exceptId', { exceptId });
    return (await query.getCount()) > 0;
  }

  /** Slugs starting with `base`, to pick the next free `base-2`, `base-3`... */
  async slugsLike(base: string): Promise<string[]> {
    const rows = await this.dataSource
      .getRepository(OAuthApplication)
      .createQueryBuilder('application')
      .select('application.slug', 'slug')
      .where('application.slug = :base OR application.slug LIKE :prefix', { base, prefix: `${base}-%` })
      .getRawMany<{ slug: string }>();
    return rows.map((row) => row.slug);
  }

  /** Whether the user (or customer user, for storefront applications) belongs to the organization. */
  async ownerBelongs(organizationId: number, userId: number, frontend: boolean): Promise<boolean> {
    if (frontend) {
      return this.dataSource.getRepository(CustomerUser).exists({ where: { id: userId, organizationId } });
    }
    return this.dataSource.getRepository(Membership).exists({ where: { userId, organizationId } });
  }
}
