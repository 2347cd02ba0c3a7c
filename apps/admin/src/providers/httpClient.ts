import { CSRF_HEADER } from '@keyhouse/shared-contracts';
import { fetchUtils } from 'react-admin';

/** The API lives next to the console: `/admin/` serves the SPA, `/admin/api` the API. */
export const apiUrl = `${import.meta.env.BASE_URL}api`;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

// The session cookie is HttpOnly, so the CSRF token that must accompany it on
// unsafe requests is the only session secret the SPA holds. It lives in memory
// only; after a reload the auth provider fetches it again from GET /session.
let csrfToken: string | null = null;

export const setCsrfToken = (token: string | null): void => {
  csrfToken = token;
};

/**
 * fetchJson with the session cookie and, on unsafe methods, the CSRF header.
 * Rejects with react-admin's HttpError, whose message is the API's `message`.
 */
export const httpClient = (url: string, options: fetchUtils.Options = {}) => {
  const headers = new Headers(options.headers);
  headers.set('Accept', 'application/json');
  const method = (options.method ?? 'GET').toUpperCase();
  if (!SAFE_METHODS.has(method) && csrfToken) {
    headers.set(CSRF_HEADER, csrfToken);
  }
  return fetchUtils.fetchJson(url, { ...options, headers, credentials: 'same-origin' });
};
