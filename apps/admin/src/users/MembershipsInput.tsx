import type { Permission } from '@keyhouse/shared-contracts';
import AddIcon from '@mui/icons-material/Add';
import {
  ArrayInput,
  Button,
  SimpleFormIterator,
  SimpleFormIteratorClasses,
  useInput,
  useSimpleFormIterator,
  useSimpleFormIteratorItem,
  useSourceContext,
  type Validator,
} from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';

import { OrganizationInput, useOrganizationName } from '../common';
import { RoleChecklist } from './RoleChecklist';
import { assignableIn, useRoles } from '../roles';
import { DEFAULT_ROLES, type MembershipFormValue } from './userForm';

type MembershipPermission = Extract<Permission, 'users.create' | 'users.edit'>;

const NONE: MembershipFormValue[] = [];
const ROLES_HELP = 'An Administrator may do everything in the organization; a User can sign in but sees nothing until given more.';

const AddMembershipButton = () => {
  const { add } = useSimpleFormIterator();
  return (
    <Button label="Add organization" onClick={() => add()}>
      <AddIcon />
    </Button>
  );
};

/** Removes one line, named for its organization so that several "Remove" buttons are told apart. */
const RemoveMembershipButton = () => {
  const { remove, index } = useSimpleFormIteratorItem();
  const organizationId: number | null = useWatch({ name: `memberships.${index}.organizationId` }) ?? null;
  const name = useOrganizationName(organizationId);
  return <Button label="Remove" aria-label={name ? `Remove from ${name}` : 'Remove this line'} color="warning" onClick={() => remove()} />;
};

/** The organization of one line; choosing another drops the roles that cannot be given there. */
const MembershipOrganizationInput = ({ permission }: { source: 'organizationId'; permission: MembershipPermission }) => {
  const { index } = useSimpleFormIteratorItem();
  const sourceContext = useSourceContext();
  const memberships: MembershipFormValue[] = useWatch({ name: 'memberships' }) ?? NONE;
  const { getValues, setValue } = useFormContext();
  const { roles } = useRoles();
  const elsewhere = memberships.filter((_, line) => line !== index).flatMap(({ organizationId }) => (organizationId == null ? [] : [organizationId]));

  const keepAssignable = (organizationId: number | null) => {
    const rolesSource = sourceContext.getSource('roles');
    const held: string[] = getValues(rolesSource) ?? [];
    const assignable = organizationId === null ? [] : assignableIn(roles, organizationId).map((role) => role.name);
    setValue(rolesSource, held.filter((name) => assignable.includes(name)), { shouldDirty: true });
  };

  return <OrganizationInput permission={permission} source="organizationId" exclude={elsewhere} helperText={false} onChange={keepAssignable} />;
};

/** The roles of one line, for the organization chosen on it. */
const MembershipRolesInput = ({ source, defaultValue }: { source: 'roles'; defaultValue: string[] }) => {
  const sourceContext = useSourceContext();
  const organizationId: number | null = useWatch({ name: sourceContext.getSource('organizationId') }) ?? null;
  const { field } = useInput({ source, defaultValue });
  return <RoleChecklist organizationId={organizationId} value={field.value ?? []} onChange={field.onChange} onBlur={field.onBlur} />;
};

/**
 * The only organization the signed-in user may add users to: no picker, just its roles. The
 * other memberships (in organizations they do not manage) are kept as they are.
 */
const OnlyMembershipInput = ({ organizationId, validate }: { organizationId: number; validate: Validator }) => {
  const { field, fieldState, formState } = useInput({ source: 'memberships', validate, defaultValue: NONE });
  const organizationName = useOrganizationName(organizationId);
  const memberships: MembershipFormValue[] = Array.isArray(field.value) ? field.value : NONE;
  const membership = memberships.find((candidate) => candidate.organizationId === organizationId);
  const others = memberships.filter((candidate) => candidate !== membership);
  const error = fieldState.error && (fieldState.isTouched || formState.isSubmitted) ? fieldState.error.message : undefined;

  return (
    <RoleChecklist
      organizationId={organizationId}
      value={membership?.roles ?? []}
      onChange={(roles) => field.onChange([...others, { organizationId, roles }])}
      onBlur={field.onBlur}
      error={error}
      helperText={organizationName ? `In ${organizationName}. ${ROLES_HELP}` : ROLES_HELP}
    />
  );
};

/** What the form's memberships must be before the API is asked. */
const validateMemberships: Validator = (value: MembershipFormValue[] | undefined, values: { platformOperator?: boolean }) => {
  const memberships = value ?? [];
  const ids = memberships.flatMap(({ organizationId }) => (organizationId == null ? [] : [organizationId]));
  if (new Set(ids).size !== ids.length) return 'Each organization may appear once.';
  if (memberships.length === 0 && !values.platformOperator) return 'Add them to one or more organizations.';
  return undefined;
};

/**
 * Where a user belongs and what they may do there: a line per organization with its roles, as
 * in Oro. Only the organizations where the signed-in user may create (or edit) users are
 * offered, and only the roles that may be given there. With one such organization there is
 * nothing to choose: its roles alone are shown.
 */
export const MembershipsInput = ({ permission, only, several }: { permission: MembershipPermission; only: number | undefined; several: boolean }) => {
  if (!several && only !== undefined) return <OnlyMembershipInput organizationId={only} validate={validateMemberships} />;
  return (
    <ArrayInput
      source="memberships"
      label="Organizations and roles"
      validate={validateMemberships}
      helperText="A line per organization they belong to, with their roles there."
    >
      <SimpleFormIterator
        // react-admin shows Remove on hover only, which hides it from keyboards and touch screens.
        sx={{ [`& .${SimpleFormIteratorClasses.action}`]: { visibility: 'visible' } }}
        disableReordering
        disableClear
        addButton={<AddMembershipButton />}
        removeButton={<RemoveMembershipButton />}
      >
        <MembershipOrganizationInput source="organizationId" permission={permission} />
        <MembershipRolesInput source="roles" defaultValue={DEFAULT_ROLES} />
      </SimpleFormIterator>
    </ArrayInput>
  );
};
