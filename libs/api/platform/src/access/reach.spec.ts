import { PERMISSIONS, type Permission } from '@keyhouse/shared-contracts';
import { Reach } from './reach';

const ADMIN: Permission[] = [...PERMISSIONS];
const VIEWER: Permission[] = PERMISSIONS.filter((permission) => permission.endsWith('.view'));
const APPS: Permission[] = ['oauth_applications.view', 'oauth_applications.create', 'oauth_applications.edit'];

const member = (...memberships: Array<[number, Permission[]]>) =>
  Reach.ofMemberships(memberships.map(([organizationId, permissions]) => ({ organizationId, permissions })));

const operator = Reach.operator();
const adminOfA = member([1, ADMIN]);
const adminOfB = member([2, ADMIN]);
const viewerOfA = member([1, VIEWER]);
const appsOfA = member([1, APPS]);
const plainMemberOfA = member([1, []]);
const adminOfBPlainInA = member([1, []], [2, ADMIN]);
const adminOfBoth = member([1, ADMIN], [2, ADMIN]);
const nobody = member();

describe('Reach.covers: who may create, edit, give roles to or act as whom', () => {
  it.each<[string, Reach, string, Reach, boolean]>([
    ['an operator', operator, 'an operator', Reach.operator([1]), true],
    ['an operator', operator, "an organization's administrator", adminOfA, true],
    ["an organization's administrator", adminOfA, 'an operator', operator, false],
    ["an organization's administrator", adminOfA, 'a viewer of that organization', viewerOfA, true],
    ["an organization's administrator", adminOfA, 'an administrator of that organization', member([1, ADMIN]), true],
    ["an organization's administrator", adminOfA, "another organization's administrator", adminOfB, false],
    ["an organization's administrator", adminOfA, 'a plain member of that organization', plainMemberOfA, true],
    ["an organization's administrator", adminOfA, 'someone who is also in another organization', adminOfBPlainInA, false],
    ['an administrator of both', adminOfBoth, 'someone in both', adminOfBPlainInA, true],
    ['an application manager', appsOfA, 'an administrator of the same organization', adminOfA, false],
    ['an application manager', appsOfA, 'a viewer of the same organization', viewerOfA, false],
    ['a viewer', viewerOfA, 'a viewer of the same organization', member([1, VIEWER]), true],
    ['a viewer', viewerOfA, 'an application manager of the same organization', appsOfA, false],
    ['anyone', viewerOfA, 'someone with no membership', nobody, true],
    ['someone with no membership', nobody, 'a plain member', plainMemberOfA, false],
  ])('%s covering %s: %s', (_caller, caller, _target, target, expected) => {
    expect(caller.covers(target)).toBe(expected);
  });
});

describe('Reach', () => {
  it('answers where each permission holds', () => {
    const reach = member([1, VIEWER], [2, ADMIN], [3, []]);
    expect(reach.can('users.edit', 2)).toBe(true);
    expect(reach.can('users.edit', 1)).toBe(false);
    expect(reach.can('users.view', 4)).toBe(false);
    expect(reach.organizationsWith('users.view')).toEqual([1, 2]);
    expect(reach.organizationsWith('users.edit')).toEqual([2]);
    expect(reach.memberOf).toEqual([1, 2, 3]);
    expect(reach.canAnywhere('users.edit')).toBe(true);
    expect(reach.canAnywhere('roles.create')).toBe(true);
    expect(member([3, []]).permissionsAnywhere()).toEqual([]);
  });

  it('gives an operator every organization and every permission', () => {
    expect(operator.organizationsWith('audit.view')).toBe('all');
    expect(operator.can('roles.edit', 42)).toBe(true);
    expect(operator.permissionsIn(42)).toEqual([...PERMISSIONS]);
    expect(Reach.operator([5]).memberOf).toEqual([5]);
  });

  it('cuts a token down to one organization and the permissions of its scopes, never the platform', () => {
    const token = adminOfBoth.within(2, new Set<Permission>(['users.view', 'roles.view']));
    expect(token.platformOperator).toBe(false);
    expect(token.memberOf).toEqual([2]);
    expect(token.permissionsIn(2)).toEqual(['users.view', 'roles.view']);
    expect(token.can('users.view', 1)).toBe(false);

    const operatorToken = operator.within(7);
    expect(operatorToken.platformOperator).toBe(false);
    expect(operatorToken.permissionsIn(7)).toEqual([...PERMISSIONS]);
    expect(operatorToken.organizationsWith('users.view')).toEqual([7]);

    // A user who left the organization gets nothing there.
    expect(adminOfA.within(2).permissionsAnywhere()).toEqual([]);
    expect(adminOfA.within(2).memberOf).toEqual([]);
  });
});
