import type { Permission } from '@keyhouse/shared-contracts';
import type { SxProps, Theme } from '@mui/material';
import { AutocompleteInput, ReferenceInput, required, type Validator } from 'react-admin';

import { type OrganizationChoice, useOrganizationChoices } from './useOrganizationChoices';

interface OrganizationInputProps {
  /** What is about to be done there: only the organizations where the signed-in user may do it are offered. */
  permission: Permission;
  source?: string;
  label?: string;
  helperText?: string | false;
  validate?: Validator | Validator[];
  readOnly?: boolean;
  /** Organizations offered but not choosable (chosen on another line already). */
  exclude?: readonly number[];
  /** Called with the chosen organization's id (null when cleared). */
  onChange?: (value: number | null) => void;
  sx?: SxProps<Theme>;
}

const byName = { field: 'name', order: 'ASC' as const };
const searchByName = (q: string) => ({ q });

/**
 * An organization picker offering what the API would accept: every organization to a platform
 * operator (searched on the server, there may be many), one's own memberships that allow
 * `permission` to anybody else (named from the identity: no request, no organizations.view needed).
 */
export const OrganizationInput = ({
  permission,
  source = 'organizationId',
  label = 'Organization',
  helperText,
  validate = required(),
  readOnly,
  exclude = [],
  onChange,
  sx,
}: OrganizationInputProps) => {
  const { choices } = useOrganizationChoices(permission);
  const change = onChange && ((value: number | '' | null) => onChange(value === '' ? null : value));
  const taken = (option: OrganizationChoice) => exclude.includes(option.id);

  if (choices === 'all') {
    return (
      <ReferenceInput source={source} reference="organizations" sort={byName}>
        <AutocompleteInput
          label={label}
          helperText={helperText}
          validate={validate}
          readOnly={readOnly}
          filterToQuery={searchByName}
          getOptionDisabled={taken}
          onChange={change}
          sx={sx}
        />
      </ReferenceInput>
    );
  }
  return (
    <AutocompleteInput
      source={source}
      label={label}
      choices={choices}
      getOptionDisabled={taken}
      helperText={helperText}
      validate={validate}
      readOnly={readOnly}
      onChange={change}
      sx={sx}
    />
  );
};

/**
 * A list's organization filter: every organization for an operator, else the caller's own where
 * they hold the list's permission, named from the identity (asking the API would need
 * organizations.view). `source` and `alwaysOn` are read by react-admin's filter form.
 */
export const OrganizationFilter = ({
  permission,
  source = 'organizationId',
  sx,
}: {
  permission: Permission;
  source?: string;
  alwaysOn?: boolean;
  sx?: SxProps<Theme>;
}) => <OrganizationInput permission={permission} source={source} validate={[]} helperText={false} sx={sx} />;
