import { IN_FORCE_FILTER, PLATFORM_DEFAULTS } from '@keyhouse/shared-contracts';
import { AutocompleteInput, useListContext } from 'react-admin';

import type { SettingOrganization, SettingScope, SettingScopes } from './useSettingScopes';

/**
 * The lists' "In force for" picker: the platform defaults and organizations, one at a time. None
 * when there is only one place to look: the list then always shows that one (see settingListFilter).
 */
export const settingScopeFilters = (scopes: SettingScopes) =>
  scopes.choices.length > 1
    ? [
        <AutocompleteInput
          key={IN_FORCE_FILTER}
          source={IN_FORCE_FILTER}
          label="In force for"
          choices={scopes.choices}
          disableClearable
          alwaysOn
          sx={{ minWidth: 280 }}
        />,
      ]
    : undefined;

/** The list's fixed filter when there is no picker: the one organization the user may look at. */
export const settingListFilter = (scopes: SettingScopes) => (scopes.choices.length === 1 ? { [IN_FORCE_FILTER]: scopes.initial } : undefined);

/** What the list shows now: the platform defaults, or what is in force in one organization. */
export const useCurrentSettingScope = (scopes: SettingScopes): SettingScope | undefined => {
  const { filterValues } = useListContext();
  const current = (filterValues as Record<string, unknown>)[IN_FORCE_FILTER] ?? scopes.initial;
  return scopes.choices.find((choice) => choice.id === current);
};

/** The organization a list shows, which its platform defaults may be customized for; none while it shows the defaults alone. */
export const useListedOrganizations = (scopes: SettingScopes): SettingOrganization[] => {
  const scope = useCurrentSettingScope(scopes);
  return scope && scope.id !== PLATFORM_DEFAULTS ? [{ id: scope.id, name: scope.name }] : [];
};
