import { createHash, randomBytes } from 'node:crypto';
import type { Answer, HttpClient } from './http-client';

export const CALLBACK = 'https://app.example.com/callback';

/** A PKCE verifier and its S256 challenge (RFC 7636 4.1, 4.2). */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export function authorizePath(parameters: Record<string, string>): string {
  return `/oauth2-token/authorize?${new URLSearchParams(parameters).toString()}`;
}

/** The hidden inputs of the first form of a page, as the browser would post them. */
export function hiddenFields(html: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [, name, value] of html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) fields[unescape(name)] = unescape(value);
  return fields;
}

function unescape(value: string): string {
  return value.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
}

export const postForm = (browser: HttpClient, path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  browser.request<string>('POST', path, new URLSearchParams(fields).toString(), { 'content-type': 'application/x-www-form-urlencoded', ...headers });

export function locationOf(answer: Answer<unknown>): URL {
  const location = answer.headers.get('location');
  if (answer.status !== 303 || !location) throw new Error(`expected a 303 redirect, got ${answer.status}: ${String(answer.body).slice(0, 300)}`);
  return new URL(location, 'http://keyhouse.invalid');
}

/**
 * The whole browser side for a signed-in user: open the authorization URL, answer the consent
 * page (when one is shown) and return where the browser is sent.
 */
export async function authorize(
  browser: HttpClient,
  parameters: Record<string, string>,
  { decision = 'allow', extra = {} }: { decision?: 'allow' | 'deny'; extra?: Record<string, string> } = {},
): Promise<URL> {
  const page = await browser.get<string>(authorizePath(parameters));
  if (page.status === 303) return locationOf(page);
  if (page.status !== 200) throw new Error(`authorize answered ${page.status}: ${String(page.body).slice(0, 300)}`);
  return locationOf(await postForm(browser, '/oauth2-token/authorize', { ...hiddenFields(page.body), ...extra, decision }));
}

/** The code of a successful answer at the client's redirect URI. */
export function codeOf(location: URL): string {
  const code = location.searchParams.get('code');
  if (!code) throw new Error(`no code in ${location.toString()}`);
  return code;
}

/**
 * Follows a redirect to the sign-in page, signs in there, and answers where the browser is sent
 * back to (the authorization request it came from).
 */
export async function signInOnPage(browser: HttpClient, toSignIn: URL, username: string, password: string): Promise<string> {
  if (toSignIn.pathname !== '/oauth2-token/sign-in') throw new Error(`expected the sign-in page, got ${toSignIn.toString()}`);
  const page = await browser.get<string>(`${toSignIn.pathname}${toSignIn.search}`);
  const back = locationOf(await postForm(browser, '/oauth2-token/sign-in', { ...hiddenFields(page.body), username, password }));
  return `${back.pathname}${back.search}`;
}
