import { Chip, Stack, Typography } from '@mui/material';

/** The scopes an app was granted, one chip each: they are what a reviewer checks before keeping or removing it. */
export const ScopeChips = ({ scopes }: { scopes: readonly string[] }) =>
  scopes.length === 0 ? (
    <Typography variant="body2" component="span" color="text.secondary">
      No particular scope
    </Typography>
  ) : (
    <Stack direction="row" component="span" sx={{ gap: 0.5, flexWrap: 'wrap' }}>
      {scopes.map((scope) => (
        <Chip key={scope} size="small" variant="outlined" label={scope} sx={{ fontFamily: 'monospace' }} />
      ))}
    </Stack>
  );
