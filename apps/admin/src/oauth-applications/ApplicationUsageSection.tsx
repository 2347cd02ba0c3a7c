import type { OAuthApplicationDto } from '@keyhouse/shared-contracts';
import { Alert, Divider, Skeleton, Stack, Typography } from '@mui/material';
import { Suspense, useId } from 'react';
import { useRecordContext } from 'react-admin';

import { lazyView } from '../common';
import { USAGE_CHART_DAYS, useApplicationUsage } from './usage';

// Drawn only for an application that was used: its code loads then, not with the page.
const UsageChart = lazyView(() => import('./UsageChart'), 'UsageChart');

const UsageSkeleton = () => <Skeleton variant="rounded" height={200} role="progressbar" aria-label="Loading usage" />;

/** The last 30 days of the application: tokens issued and failed authentications per day. */
export const ApplicationUsageSection = () => {
  const application = useRecordContext<OAuthApplicationDto>();
  const headingId = useId();
  const { data, isPending, error } = useApplicationUsage(application?.id);
  if (!application) return null;
  const used = data?.days.some((day) => day.tokensIssued > 0 || day.failedAuthentications > 0) ?? false;

  return (
    <>
      <Divider />
      <Stack component="section" aria-labelledby={headingId} spacing={2} sx={{ p: 2 }}>
        <Typography id={headingId} variant="h6" component="h2">
          Usage
        </Typography>
        <Typography variant="body2" color="text.secondary">
          Tokens issued and failed client authentications per day (UTC), last {USAGE_CHART_DAYS} days. The last few
          seconds may not be counted yet.
        </Typography>
        {error && <Alert severity="error">{error.message}</Alert>}
        {isPending && <UsageSkeleton />}
        {data && !used && (
          <Typography variant="body2" color="text.secondary">
            No tokens issued in the last {USAGE_CHART_DAYS} days.
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
