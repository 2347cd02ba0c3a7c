import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { isBuiltInRole, type Permission, type RoleChanges } from '@keyhouse/shared-contracts';
import { containsFilter, findPage, idFilter, isDuplicateKeyError, ListQueryError, type ListParams, type ListSpec, type Page } from '@keyhouse/api-persistence';
import { AuditTrail, changedFields, changedUnchangeables, fieldProblems, malformedFirst, organizationCondition, ValidationFailedException, type BackOfficeCaller } from '@keyhouse/api-platform';
import { DataSource } from 'typeorm';
import { toRoleDto } from '../dto';
import { Organization, Role } from '../entities';
import { ROLE_NOT_CREATED, ROLE_NOT_SAVED, type CreateRoleBody, type UpdateRoleBody } from './role-bodies';
import { inGridOrder, nameFromLabel } from './role-input';

const ROLE_LIST: ListSpec<Role> = {
  resource: 'roles',
  sortable: { id: 'id', name: 'name', label: 'label' },
  defaultSort: ['label', 'ASC'],
  filters: {
    id: idFilter('id'),
    q: containsFilter('name', 'label'),
    organizationId: (query, value, param) => {
      if (value === 'platform') return void query.andWhere(`${query.alias}.organizationId IS NULL`);
      const ids = (Array.isArray(value) ? value : [value]).map(Number);
      if (!ids.every(Number.isSafeInteger)) throw new ListQueryError('filter', 'organizationId must be an id, a list of ids or "platform"');
      query.andWhere(`${query.alias}.organizationId IN (:...${param})`, { [param]: ids });
    },
  },
};

/**
 * Roles as Oro has them: named sets of permissions. Platform roles (the built-in ones, and
 * those operators add) may be given in every organization; an organization's own roles only
 * there, and only by its administrators. Nobody makes or edits a role that grants more than they
 * hold where it applies, and built-in roles stay as shipped.
 */
@Injectable()
export class RolesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  /** The platform's roles and those of the organizations the caller belongs to: what they may see and give. */
  list(caller: BackOfficeCaller, params: ListParams): Promise<Page<Role>> {
    return findPage(this.visibleTo(caller), params, ROLE_LIST);
  }

  async get(caller: BackOfficeCaller, id: number): Promise<Role> {
    const role = await this.visibleTo(caller).andWhere('role.id = :id', { id }).getOne();
    if (!role) throw new NotFoundException({ message: `Role ${id} not found.` });
    return role;
  }

  async create(caller: BackOfficeCaller, body: CreateRoleBody): Promise<Role> {
    const label = body.label.trim();
    const name = body.name || nameFromLabel(label);
    const permissions = inGridOrder(body.permissions);
    const organizationId = body.organizationId ?? null;
    if (organizationId === null) this.assertMayChangePlatformRoles(caller);
    else if (!caller.reach.can('roles.create', organizationId)) throw new ForbiddenException({ message: 'You need the "roles.create" permission in this organization for this.' });
    // An operator's reach takes in any id: the organization must also exist.
    else if (!(await this.dataSource.getRepository(Organization).existsBy({ id: organizationId }))) {
      throw new ValidationFailedException({ organizationId: 'There is no organization with this id.' }, ROLE_NOT_CREATED);
    }
    assertHeld(caller, organizationId, permissions, ROLE_NOT_CREATED);
    try {
      const id = await this.dataSource.transaction(async (db) => {
        const role = await db.getRepository(Role).save({ name, label, permissions, organizationId });
        await this.audit.record({ action: 'role.created', actorUserId: caller.userId, target: target(role), organizationId, after: { name, label, permissions, organizationId } }, db);
        return role.id;
      });
      return await this.get(caller, id);
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new ValidationFailedException({ name: 'A role with this name already exists.' }, ROLE_NOT_CREATED);
      throw error;
    }
  }

  /** Label and permissions; the name and the organization stay (users are given roles by name). */
  async update(caller: BackOfficeCaller, id: number, body: UpdateRoleBody): Promise<Role> {
    const role = await this.editable(caller, id).catch(malformedFirst(body, ROLE_NOT_SAVED));
    const errors = { ...fieldProblems(body), ...changedUnchangeables(body, toRoleDto(role)) };
    if (Object.keys(errors).length) throw new ValidationFailedException(errors, ROLE_NOT_SAVED);
    const changes: RoleChanges = {};
    if (body.label !== undefined) changes.label = body.label.trim();
    if (body.permissions !== undefined) changes.permissions = inGridOrder(body.permissions);
    if (changes.permissions) assertHeld(caller, role.organizationId, changes.permissions, ROLE_NOT_SAVED);
    const diff = changedFields({ label: role.label, permissions: role.permissions }, changes);
    if (diff.after && Object.keys(diff.after).length) {
      await this.dataSource.transaction(async (db) => {
        await db.getRepository(Role).update({ id }, changes);
        await this.audit.record({ action: 'role.updated', actorUserId: caller.userId, target: target(role), organizationId: role.organizationId, ...diff }, db);
      });
    }
    return this.get(caller, id);
  }

  /** A role the caller sees and may edit: not a built-in one, and none that already grants more than they hold. */
  private async editable(caller: BackOfficeCaller, id: number): Promise<Role> {
    const role = await this.get(caller, id);
    if (isBuiltInRole(role.name)) throw new ForbiddenException({ message: `${role.label} is a built-in role: it cannot be changed. Create a role of your own instead.` });
    if (role.organizationId === null) this.assertMayChangePlatformRoles(caller);
    else if (!caller.reach.can('roles.edit', role.organizationId)) throw new ForbiddenException({ message: 'You need the "roles.edit" permission in this organization for this.' });
    // Editing a role that already grants more than the caller holds would let them reshape what they could not create.
    assertHeld(caller, role.organizationId, role.permissions, ROLE_NOT_SAVED);
    return role;
  }

  private assertMayChangePlatformRoles(caller: BackOfficeCaller): void {
    if (!caller.reach.platformOperator) {
      throw new ForbiddenException({ message: 'Only a platform operator can change platform roles: they apply in every organization. Create a role of your organization instead.' });
    }
  }

  private visibleTo(caller: BackOfficeCaller) {
    const query = this.dataSource.getRepository(Role).createQueryBuilder('role');
    if (caller.reach.platformOperator) return query;
    const [mine, parameters] = organizationCondition('role.organizationId', caller.reach.memberOf, 'memberOf');
    return query.andWhere(`(role.organizationId IS NULL OR ${mine})`, parameters);
  }
}

/** Refuses permissions the caller does not hold where the role applies (everywhere, for a platform role: only operators pass). */
function assertHeld(caller: BackOfficeCaller, organizationId: number | null, permissions: Permission[], message: string): void {
  const missing = permissions.filter((permission) => (organizationId === null ? !caller.reach.platformOperator : !caller.reach.can(permission, organizationId)));
  if (missing.length) throw new ValidationFailedException({ permissions: `You cannot grant ${missing.join(', ')}: you do not hold it here.` }, message);
}

const target = (role: Role) => ({ type: 'role', id: role.id, name: role.name });
