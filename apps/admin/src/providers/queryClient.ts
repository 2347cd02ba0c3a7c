import { QueryClient } from '@tanstack/react-query';
import { HttpError } from 'react-admin';

const MAX_RETRIES = 3;

/**
 * A 4xx says the request itself is refused (not signed in, not allowed, not there, not valid):
 * asking again gets the same answer, only later. Network failures and 5xx may pass, and are
 * retried as react-query would.
 */
const shouldRetry = (failureCount: number, error: unknown): boolean =>
  failureCount < MAX_RETRIES && !(error instanceof HttpError && error.status >= 400 && error.status < 500);

/** The console's one query client: react-admin's defaults, but a refused request is never retried. */
export const queryClient = new QueryClient({ defaultOptions: { queries: { retry: shouldRetry } } });
