import { USAGE_DAYS, type ApplicationUsageDto, type DormancyPolicyDto } from '@keyhouse/shared-contracts';
import { useQuery } from '@tanstack/react-query';
import type { Identifier } from 'react-admin';

import { apiUrl, httpClient } from '../providers/httpClient';
import { APPLICATIONS } from './resourceNames';

/** The periods the chart offers, in days: a week to a year, all within the API's USAGE_DAYS.max. */
export const USAGE_RANGES = [7, 30, 90, 365] as const;
export const DEFAULT_USAGE_RANGE = USAGE_DAYS.default;

/** The application's tokens issued and failed authentications per UTC day over the last `days`, oldest first. */
export const useApplicationUsage = (applicationId: Identifier | undefined, days: number) =>
  useQuery({
    // Under the application's own key: whatever refreshes the application refreshes its usage too.
    queryKey: [APPLICATIONS, 'usage', String(applicationId ?? ''), days],
    queryFn: async ({ signal }) =>
      (await httpClient(`${apiUrl}/${APPLICATIONS}/${encodeURIComponent(applicationId ?? '')}/usage?days=${days}`, { signal }))
        .json as ApplicationUsageDto,
    enabled: applicationId !== undefined,
  });

// Server settings: they do not change while the console is open, one request serves every badge.
export const useDormancyPolicy = () =>
  useQuery({
    queryKey: ['system', 'dormancy'],
    queryFn: async ({ signal }) => (await httpClient(`${apiUrl}/system/dormancy`, { signal })).json as DormancyPolicyDto,
    staleTime: Infinity,
  });

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** What "Dormant" means on this server, in words, for the badge's tooltip. */
export const dormancyExplanation = (policy: DormancyPolicyDto | undefined): string => {
  const idle = policy
    ? `No token issued for ${plural(policy.dormantAfterDays, 'day')} or more (counted from its creation if never used).`
    : 'No token issued for a long time.';
  if (policy?.deactivateAfterDays == null) return idle;
  return `${idle} Its owner is warned by email, and it is deactivated ${plural(policy.deactivateAfterDays, 'day')} later unless it gets a token.`;
};

/** `2026-03-04` as "Mar 4": the days are UTC days, shown as such. */
export const shortDay = (day: string): string =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
