export { AppliesToField } from './AppliesToField';
export { SettingActions, type SettingActionsProps } from './SettingActions';
export { SettingListIntro } from './SettingListIntro';
export { settingListFilter, settingScopeFilters, useCurrentSettingScope, useListedOrganizations } from './settingScopeFilters';
export { SettingScopeNotice } from './SettingScopeNotice';
export { type SettingOrganization, type SettingScopes, useSettingScopes } from './useSettingScopes';
