import type { ClientSecretDto } from '@keyhouse/shared-contracts';
import { useQuery } from '@tanstack/react-query';
import { type Identifier, useDataProvider } from 'react-admin';

import type { KeyhouseDataProvider } from '../providers/dataProvider';
import { APPLICATIONS } from './resourceNames';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// Under the application's own key: whatever refreshes the application refreshes its secrets too.
export const secretsQueryKey = (applicationId: Identifier) => [APPLICATIONS, 'secrets', String(applicationId)];

export const useApplicationSecrets = (applicationId: Identifier | undefined, enabled: boolean) => {
  const dataProvider = useDataProvider<KeyhouseDataProvider>();
  return useQuery({
    queryKey: secretsQueryKey(applicationId ?? ''),
    queryFn: ({ signal }) => dataProvider.getApplicationSecrets(applicationId ?? '', signal),
    enabled: enabled && applicationId !== undefined,
  });
};

export const isLive = (secret: ClientSecretDto, now: number): boolean =>
  secret.expiresAt === null || Date.parse(secret.expiresAt) > now;

const count = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** Within this, an expiry deserves attention: the clients still on that secret have days left. */
const SOON = 7 * DAY;

export interface ExpiryHint {
  label: string;
  tone: 'expired' | 'soon' | 'later';
}

/** How soon a secret stops working, in words, so an admin sees at a glance what is about to die. */
export const expiryHint = (expiresAt: string, now: number): ExpiryHint => {
  const left = Date.parse(expiresAt) - now;
  if (left <= 0) return { label: 'expired', tone: 'expired' };
  const tone = left <= SOON ? 'soon' : 'later';
  if (left < HOUR) return { label: `expires in ${count(Math.max(1, Math.round(left / MINUTE)), 'minute')}`, tone };
  if (left < DAY) return { label: `expires in ${count(Math.round(left / HOUR), 'hour')}`, tone };
  return { label: `expires in ${count(Math.round(left / DAY), 'day')}`, tone };
};

/** `now` plus whole days, as the API reads times. */
export const inDays = (days: number): string => new Date(Date.now() + days * DAY).toISOString();
