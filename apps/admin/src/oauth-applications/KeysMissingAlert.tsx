import { KEYS_MISSING_MESSAGE, type OAuthAvailabilityDto } from '@keyhouse/shared-contracts';
import { Alert, type SxProps, type Theme } from '@mui/material';
import { useQuery } from '@tanstack/react-query';

import { apiUrl, httpClient } from '../providers/httpClient';

// The keys do not come and go while the console is open: one request serves
// every page that shows the warning.
const useOAuthAvailability = () =>
  useQuery({
    queryKey: ['system', 'oauth'],
    queryFn: async ({ signal }) => (await httpClient(`${apiUrl}/system/oauth`, { signal })).json as OAuthAvailabilityDto,
    staleTime: Infinity,
  });

/** Oro's "encryption keys" warning, shown where applications are managed while tokens cannot be signed. */
export const KeysMissingAlert = ({ sx }: { sx?: SxProps<Theme> }) => {
  const { data } = useOAuthAvailability();
  if (data?.available !== false) return null;
  return (
    <Alert severity="warning" sx={sx}>
      {KEYS_MISSING_MESSAGE}
    </Alert>
  );
};
