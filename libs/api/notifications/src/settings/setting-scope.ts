import { PLATFORM_DEFAULTS } from '@keyhouse/shared-contracts';
import { ListQueryError, type FilterApplier } from '@keyhouse/api-persistence';
import {
  assertCan,
  assertPlatformOperator,
  changedUnchangeables,
  fieldProblems,
  organizationCondition,
  ValidationFailedException,
  type OrganizationScope,
  type Reach,
} from '@keyhouse/api-platform';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * Rules and templates are settings of one of two kinds: the platform default (no organization),
 * which applies wherever an organization has not overridden it and which only platform operators
 * change; and an organization's override, which only that organization sees and changes, and
 * which only its mail uses. These are the rules both kinds of setting share.
 */

/** A setting is shown with the name of the organization it overrides for. */
export const withOrganization = <T extends ObjectLiteral>(query: SelectQueryBuilder<T>) => query.leftJoinAndSelect(`${query.alias}.organization`, 'organization');

/**
 * The platform defaults and the overrides of the organizations in scope: what a caller may view
 * (everyone who may view notifications needs the defaults), or what mail about one organization
 * may be written with.
 */
export function visibleSettings<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, viewable: OrganizationScope): SelectQueryBuilder<T> {
  const [overrides, parameters] = organizationCondition(`${query.alias}.organizationId`, viewable, 'viewableOrganizations');
  return query.andWhere(`(${query.alias}.organizationId IS NULL OR ${overrides})`, parameters);
}

/** `organizationId` filter: one organization's overrides, or `"platform"` for the defaults. */
export const organizationFilter = <T extends ObjectLiteral>(): FilterApplier<T> => (query, value, param) => {
  if (value === PLATFORM_DEFAULTS) return void query.andWhere(`${query.alias}.organizationId IS NULL`);
  const organizationId = Number(value);
  if (!Number.isSafeInteger(organizationId)) throw new ListQueryError('filter', `organizationId must be an id or "${PLATFORM_DEFAULTS}"`);
  query.andWhere(`${query.alias}.organizationId = :${param}`, { [param]: organizationId });
};

/**
 * `inForceFor` filter: what applies in one organization the caller may view, one row per setting
 * (`sameSetting`: the columns that name one, such as the event): its override where it has one,
 * the platform default where it has none. `"platform"`: what applies where nothing is overridden,
 * the defaults (so that one filter serves a console's "in force for" picker).
 */
export const inForceFilter =
  <T extends ObjectLiteral>(reach: Reach, table: string, sameSetting: string[]): FilterApplier<T> =>
  (query, value, param) => {
    if (value === PLATFORM_DEFAULTS) return void query.andWhere(`${query.alias}.organizationId IS NULL`);
    const organizationId = Number(value);
    if (!Number.isSafeInteger(organizationId)) throw new ListQueryError('filter', `inForceFor must be an organization id or "${PLATFORM_DEFAULTS}"`);
    // Another organization's overrides are invisible: its answer would be the defaults, which is not what applies there.
    assertCan(reach, 'notifications.view', organizationId);
    const alias = query.alias;
    const override = sameSetting.map((column) => `override.${column} = ${alias}.${column}`).join(' AND ');
    query.andWhere(
      `(${alias}.organizationId = :${param} OR (${alias}.organizationId IS NULL AND NOT EXISTS (SELECT 1 FROM ${table} override WHERE ${override} AND override.organizationId = :${param})))`,
      { [param]: organizationId },
    );
  };

/** 403 unless the caller may change this setting: a platform default, operators only; an override, `notifications.edit` in its organization. */
export function assertMayChange(reach: Reach, organizationId: number | null): void {
  if (organizationId === null) assertPlatformOperator(reach, 'change the platform defaults (customize them for your organization instead)');
  else assertCan(reach, 'notifications.edit', organizationId);
}

/**
 * An edit's problems, all at once as the console shows them: its fields' (which the pipe found)
 * and the fields that identify the setting sent with another value than the stored one holds.
 * Without a stored setting (a preview), the fields' alone.
 */
export function assertValidEdit(body: object, stored: object | null, message?: string): void {
  const errors = { ...fieldProblems(body), ...(stored ? changedUnchangeables(body, stored) : {}) };
  if (Object.keys(errors).length) throw new ValidationFailedException(errors, message);
}
