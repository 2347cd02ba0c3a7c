import type { OAuthApplicationDto } from '@keyhouse/shared-contracts';
import { Alert, Divider, Skeleton, Stack, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { Suspense, useId, useState } from 'react';
import { useRecordContext } from 'react-admin';

import { lazyView } from '../common';
import { DEFAULT_USAGE_RANGE, USAGE_RANGES, useApplicationUsage } from './usage';

// Drawn only for an application that was used: its code loads then, not with the page.
const UsageChart = lazyView(() => import('./UsageChart'), 'UsageChart');

const UsageSkeleton = () => <Skeleton variant="rounded" height={200} role="progressbar" aria-label="Loading usage" />;

/** The application's tokens issued and failed authentications per day, over a period chosen from a week to a year. */
export const ApplicationUsageSection = () => {
  const application = useRecordContext<OAuthApplicationDto>();
  const headingId = useId();
  const [days, setDays] = useState<number>(DEFAULT_USAGE_RANGE);
  const { data, isPending, error } = useApplicationUsage(application?.id, days);
  if (!application) return null;
  const used = data?.days.some((day) => day.tokensIssued > 0 || day.failedAuthentications > 0) ?? false;

  return (
    <>
      <Divider />
      <Stack component="section" aria-labelledby={headingId} spacing={2} sx={{ p: 2 }}>
        <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', gap: 1, flexWrap: 'wrap' }}>
          <Typography id={headingId} variant="h6" component="h2">
            Usage
          </Typography>
          <ToggleButtonGroup
            size="small"
            exclusive
            value={days}
            // Pressing the chosen period again would choose none: the chart always shows one.
            onChange={(_event, chosen: number | null) => chosen !== null && setDays(chosen)}
            aria-label="Period"
          >
            {USAGE_RANGES.map((range) => (
              <ToggleButton key={range} value={range}>
                {range} days
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
        </Stack>
        <Typography variant="body2" color="text.secondary">
          Tokens issued and failed client authentications per day (UTC), last {days} days. The last few seconds may not
          be counted yet.
        </Typography>
        {error && <Alert severity="error">{error.message}</Alert>}
        {isPending && <UsageSkeleton />}
        {data && !used && (
          <Typography variant="body2" color="text.secondary">
            No tokens issued in the last {days} days.
          </Typography>
        )}
        {data && used && (
          <Suspense fallback={<UsageSkeleton />}>
            <UsageChart days={data.days} />
          </Suspense>
        )}
      </Stack>
    </>
  );
};
