import { ROLE_NAME_PATTERN, ROLE_NAME_RULE, type Permission, type RoleDto } from '@keyhouse/shared-contracts';
import { Alert } from '@mui/material';
import { Labeled, maxLength, RadioButtonGroupInput, regex, required, TextInput, useRecordContext } from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';

import { OrganizationInput, OrganizationName, useAccess, useOrganizationChoices } from '../common';
import { PermissionsInput } from './PermissionsInput';
import { APPLIES_TO_CHOICES, type AppliesTo, organizationOfNewRole } from './roleForm';
import { AppliesToField } from './RoleFields';
import { useRoleEditability } from './useRoleEditability';

// The API's rules, checked here first so most mistakes show before a round trip.
const validateLabel = [required(), maxLength(255)];
const validateName = regex(ROLE_NAME_PATTERN, ROLE_NAME_RULE);

/** Where a new role applies: operators choose the platform or an organization; others one of theirs. */
const NewRoleOrganization = ({ appliesTo, onOrganizationChange }: { appliesTo: AppliesTo; onOrganizationChange(id: number | null): void }) => {
  const { platformOperator } = useAccess();
  const { several, only } = useOrganizationChoices('roles.create');

  return (
    <>
      {platformOperator && (
        <RadioButtonGroupInput
          source="appliesTo"
          label="Applies to"
          choices={APPLIES_TO_CHOICES}
          helperText="A platform role may be given in every organization; an organization's own role only there."
        />
      )}
      {appliesTo === 'organization' &&
        (several ? (
          <OrganizationInput
            permission="roles.create"
            onChange={onOrganizationChange}
            helperText="The role may be given only in this organization, by those who manage its users."
          />
        ) : (
          only !== undefined && (
            <Labeled label="Organization">
              <OrganizationName id={only} />
            </Labeled>
          )
        ))}
    </>
  );
};

/**
 * The fields of a role. The machine name and where the role applies are chosen once
 * (`creating`): users are given roles by name, and a role stays where it was made.
 */
export const RoleInputs = ({ creating = false }: { creating?: boolean }) => {
  const role = useRecordContext<RoleDto>();
  const access = useAccess();
  const { only } = useOrganizationChoices('roles.create');
  const { editable, reason } = useRoleEditability(role);
  const { getValues, setValue } = useFormContext();
  const appliesTo: AppliesTo = useWatch({ name: 'appliesTo' }) ?? 'organization';
  const chosenOrganizationId: number | null | undefined = useWatch({ name: 'organizationId' });
  const organizationId = creating
    ? organizationOfNewRole({ appliesTo: access.platformOperator ? appliesTo : 'organization', organizationId: chosenOrganizationId }, only)
    : role?.organizationId;

  // Another organization: what the signed-in user does not hold there cannot stay granted.
  const keepHeld = (id: number | null) => {
    if (id === null || access.platformOperator) return;
    const permissions: Permission[] = getValues('permissions') ?? [];
    setValue('permissions', permissions.filter((permission) => access.can(permission, id)), { shouldDirty: true });
  };

  return (
    <>
      {!creating && reason && <Alert severity="info">{reason}</Alert>}
      <TextInput
        source="label"
        label="Label"
        validate={validateLabel}
        readOnly={!creating && !editable}
        autoComplete="off"
        helperText="How the role is shown when users are given it."
      />
      <TextInput
        source="name"
        label="Name"
        validate={creating ? validateName : undefined}
        readOnly={!creating}
        autoComplete="off"
        slotProps={{ htmlInput: { sx: { fontFamily: 'monospace' } } }}
        helperText={
          creating
            ? 'ROLE_ and capital letters, digits or underscores; made from the label when left empty. Users are given the role by it: it cannot be changed later.'
            : 'Users are given the role by it: it cannot be changed.'
        }
      />
      {creating ? (
        <NewRoleOrganization appliesTo={access.platformOperator ? appliesTo : 'organization'} onOrganizationChange={keepHeld} />
      ) : (
        <Labeled label="Applies to">
          <AppliesToField />
        </Labeled>
      )}
      <PermissionsInput organizationId={organizationId} readOnly={!creating && !editable} />
    </>
  );
};
