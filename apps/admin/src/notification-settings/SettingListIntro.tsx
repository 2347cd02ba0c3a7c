import { PLATFORM_DEFAULTS } from '@keyhouse/shared-contracts';
import { Typography } from '@mui/material';

import { useCurrentSettingScope } from './settingScopeFilters';
import type { SettingScopes } from './useSettingScopes';

/** Above a settings grid: what it shows, so that a default is not taken for an organization's own. */
export const SettingListIntro = ({ scopes }: { scopes: SettingScopes }) => {
  const scope = useCurrentSettingScope(scopes);
  if (!scope) return null;
  return (
    <Typography variant="body2" color="text.secondary" sx={{ px: 2, pt: 2 }}>
      {scope.id === PLATFORM_DEFAULTS
        ? 'Platform defaults: they apply in every organization that has not customized them.'
        : `In force for ${scope.name}: its own settings where it has customized them, the platform defaults elsewhere.`}
    </Typography>
  );
};
