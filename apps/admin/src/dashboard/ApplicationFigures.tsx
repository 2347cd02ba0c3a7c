import type { ApplicationSummaryDto } from '@keyhouse/shared-contracts';
import VpnKeyIcon from '@mui/icons-material/VpnKey';
import { Box, Card, CardActionArea, CardContent, Skeleton, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { Link, useCanAccess, useDataProvider } from 'react-admin';

import { APPLICATIONS } from '../oauth-applications';
import type { KeyhouseDataProvider } from '../providers/dataProvider';

interface Figure {
  key: keyof ApplicationSummaryDto;
  label: string;
  /** The grid's filter that lists what the figure counts; none for tokens. */
  filter?: Record<string, boolean>;
}

const FIGURES: Figure[] = [
  { key: 'active', label: 'Active', filter: { active: true } },
  { key: 'inactive', label: 'Inactive', filter: { active: false } },
  { key: 'dormant', label: 'Dormant', filter: { dormant: true } },
  { key: 'tokensIssuedToday', label: 'Tokens issued today' },
];

const gridOf = (filter: Record<string, boolean>) => ({ pathname: `/${APPLICATIONS}`, search: `?filter=${encodeURIComponent(JSON.stringify(filter))}` });

const FigureValue = ({ value, isPending, failed }: { value: number | undefined; isPending: boolean; failed: boolean }) => (
  <Typography variant="h4" component="p" sx={{ fontWeight: 600 }}>
    {isPending ? <Skeleton width={48} /> : failed ? '—' : value}
  </Typography>
);

/**
 * The applications the signed-in user's grid lists (their organizations, and those acting as
 * them), by status, and the tokens they got today (UTC); each status opens the grid filtered to
 * it. Only for those who may open the grid: nobody else gets the card, nor its request.
 */
export const ApplicationFigures = () => {
  const { canAccess } = useCanAccess({ resource: APPLICATIONS, action: 'list' });
  const dataProvider = useDataProvider<KeyhouseDataProvider>();
  // Under the applications' key: whatever changes an application refreshes these too.
  const { data, isPending, error } = useQuery({
    queryKey: [APPLICATIONS, 'summary'],
    queryFn: ({ signal }) => dataProvider.getApplicationSummary(signal),
    enabled: canAccess === true,
  });
  const headingId = useId();
  if (!canAccess) return null;

  return (
    <Card variant="outlined" component="section" aria-labelledby={headingId} sx={{ gridColumn: '1 / -1' }}>
      <CardContent>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 2 }}>
          <VpnKeyIcon color="primary" />
          <Typography id={headingId} variant="h6" component="h2">
            OAuth Applications
          </Typography>
        </Stack>
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr 1fr', md: 'repeat(4, 1fr)' } }}>
          {FIGURES.map(({ key, label, filter }) => {
            const labelId = `${headingId}-${key}`;
            const content = (
              <CardContent>
                <Typography id={labelId} variant="body2" color="text.secondary">
                  {label}
                </Typography>
                <FigureValue value={data?.[key]} isPending={isPending} failed={Boolean(error)} />
              </CardContent>
            );
            return (
              <Card key={key} variant="outlined" component="section" aria-labelledby={labelId}>
                {filter ? (
                  <CardActionArea component={Link} to={gridOf(filter)} sx={{ height: '100%' }}>
                    {content}
                  </CardActionArea>
                ) : (
                  content
                )}
              </Card>
            );
          })}
        </Box>
      </CardContent>
    </Card>
  );
};
