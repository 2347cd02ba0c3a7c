import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A third-party app for the browser tests, as marketplace apps are built: it starts the
 * authorization code flow (from its own "Connect" link or from its install route), takes the
 * code on its callback, exchanges it at the token endpoint and keeps the tokens. Its pages say
 * what it got, so a test can follow the flow in the browser.
 */

/** The token endpoint's answer (RFC 6749 5.1), with Keyhouse's `organization_id`. */
export interface TokenAnswer {
  token_type: string;
  expires_in: number;
  access_token: string;
  refresh_token?: string;
  scope?: string;
  organization_id?: number;
}

/** A protocol or API answer as the app got it. */
export interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T;
}

export interface TestClientOptions {
  /** What the app's pages call it. */
  name: string;
  /** Keyhouse: where the authorization and token endpoints are. */
  issuer: string;
  /** Space-separated scopes to ask for; none: what the application is registered with. */
  scope?: string;
  /** RFC 7636 with S256. Public clients must; confidential ones may. */
  pkce: boolean;
  /**
   * How a confidential client authenticates at the token endpoint: HTTP Basic
   * (`client_secret_basic`) or the secret in the form body (`client_secret_post`).
   */
  clientAuth?: 'basic' | 'body';
}

export interface TestClient {
  /** The app's landing page, with its "Connect with Keyhouse" link. */
  readonly url: string;
  readonly redirectUri: string;
  /** The app's install route, with Keyhouse's `{organization}` placeholder. */
  readonly installUrl: string;
  /** The organizations the install route was opened for, in order. */
  readonly installedFor: string[];
  /** Gives the app the credentials of its registration; a null secret makes it a public client. */
  register(clientId: string, clientSecret: string | null): void;
  /** The tokens of the last successful exchange (or refresh). */
  tokens(): TokenAnswer;
  /** Refreshes with the last refresh token; on success the new tokens replace the old ones. */
  refresh(): Promise<Answer>;
  /** Calls Keyhouse with the last access token, as the app would call the API. */
  callApi(path: string): Promise<Answer>;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';

const base64url = (bytes: Buffer) => bytes.toString('base64url');

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><main>${body}</main></body></html>`;

function send(response: ServerResponse, status: number, html: string): void {
  response.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(html);
}

function redirect(response: ServerResponse, location: string): void {
  response.writeHead(302, { Location: location, 'Cache-Control': 'no-store' });
  response.end();
}

async function readAnswer(response: Response): Promise<Answer> {
  const text = await response.text();
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    body = { text };
  }
  return { status: response.status, body };
}

/** Starts the app on a free port of 127.0.0.1, the host the browser and Keyhouse share. */
export async function startTestClient(options: TestClientOptions): Promise<TestClient> {
  const { name, issuer, scope, pkce, clientAuth = 'basic' } = options;
  let credentials: { clientId: string; clientSecret: string | null } | undefined;
  let tokens: TokenAnswer | undefined;
  const installedFor: string[] = [];
  // The state of each flow the app started (RFC 6749 10.12), with its PKCE verifier.
  const pending = new Map<string, { verifier?: string }>();

  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, HOST, resolve));
  const url = `http://${HOST}:${(server.address() as AddressInfo).port}`;
  const redirectUri = `${url}/callback`;

  const registered = () => {
    if (!credentials) throw new Error(`${name} has no client credentials yet: call register() first.`);
    return credentials;
  };

  /** POSTs a form to the token endpoint, authenticated the way this client does. */
  const tokenRequest = async (fields: Record<string, string>): Promise<Answer> => {
    const { clientId, clientSecret } = registered();
    const body = new URLSearchParams(fields);
    const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded' };
    if (clientSecret === null) {
      body.set('client_id', clientId);
    } else if (clientAuth === 'basic') {
      // RFC 6749 2.3.1: both parts form-urlencoded before base64.
      const pair = `${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`;
      headers['Authorization'] = `Basic ${Buffer.from(pair).toString('base64')}`;
    } else {
      body.set('client_id', clientId);
      body.set('client_secret', clientSecret);
    }
    return readAnswer(await fetch(`${issuer}/oauth2-token`, { method: 'POST', headers, body }));
  };

  const startAuthorization = (response: ServerResponse) => {
    const state = base64url(randomBytes(16));
    const authorize = new URL('/oauth2-token/authorize', issuer);
    authorize.search = new URLSearchParams({
      response_type: 'code',
      client_id: registered().clientId,
      redirect_uri: redirectUri,
      state,
      ...(scope ? { scope } : {}),
    }).toString();
    if (pkce) {
      const verifier = base64url(randomBytes(32));
      authorize.searchParams.set('code_challenge', base64url(createHash('sha256').update(verifier).digest()));
      authorize.searchParams.set('code_challenge_method', 'S256');
      pending.set(state, { verifier });
    } else {
      pending.set(state, {});
    }
    redirect(response, authorize.toString());
  };

  const callback = async (query: URLSearchParams, response: ServerResponse) => {
    const error = query.get('error');
    if (error) {
      send(response, 200, page(name, `<h1>Not connected</h1><p role="alert">Keyhouse answered ${escapeHtml(error)}.</p>`));
      return;
    }
    // RFC 9207: the code must come from the server this app sent the user to.
    if (query.get('iss') !== issuer) {
      send(response, 400, page(name, `<h1>Not connected</h1><p role="alert">Unexpected issuer ${escapeHtml(query.get('iss') ?? '(none)')}.</p>`));
      return;
    }
    const state = query.get('state');
    // No state: the flow began in Keyhouse (the app store's start URL or the console's Install
    // app), so there is no request of this app to match and no PKCE verifier.
    const flow = state === null ? {} : pending.get(state);
    if (!flow) {
      send(response, 400, page(name, '<h1>Not connected</h1><p role="alert">Unknown state.</p>'));
      return;
    }
    if (state !== null) pending.delete(state);
    const exchange = await tokenRequest({
      grant_type: 'authorization_code',
      code: query.get('code') ?? '',
      redirect_uri: redirectUri,
      ...(flow.verifier ? { code_verifier: flow.verifier } : {}),
    });
    if (exchange.status !== 200) {
      const reason = String(exchange.body['error'] ?? exchange.status);
      send(response, 502, page(name, `<h1>Not connected</h1><p role="alert">The token request failed: ${escapeHtml(reason)}.</p>`));
      return;
    }
    tokens = exchange.body as unknown as TokenAnswer;
    send(
      response,
      200,
      page(
        name,
        `<h1>Connected to Keyhouse</h1>
<dl>
<dt>Organization</dt><dd>${escapeHtml(String(tokens.organization_id ?? ''))}</dd>
<dt>Scope</dt><dd>${escapeHtml(tokens.scope ?? '')}</dd>
</dl>`,
      ),
    );
  };

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const { pathname, searchParams } = new URL(request.url ?? '/', url);
    const handle = async () => {
      if (request.method !== 'GET') return send(response, 405, page(name, '<h1>Method not allowed</h1>'));
      switch (pathname) {
        case '/':
          return send(response, 200, page(name, `<h1>${escapeHtml(name)}</h1><p><a href="/connect">Connect with Keyhouse</a></p>`));
        case '/connect':
          return startAuthorization(response);
        case '/install':
          installedFor.push(searchParams.get('organization') ?? '');
          return startAuthorization(response);
        case '/callback':
          return callback(searchParams, response);
        default:
          return send(response, 404, page(name, '<h1>Not found</h1>'));
      }
    };
    handle().catch((error: unknown) => send(response, 500, page(name, `<h1>Error</h1><pre>${escapeHtml(String(error))}</pre>`)));
  });

  const current = () => {
    if (!tokens) throw new Error(`${name} has no tokens: no authorization has completed.`);
    return tokens;
  };

  return {
    url,
    redirectUri,
    installUrl: `${url}/install?organization={organization}`,
    installedFor,
    register(clientId, clientSecret) {
      credentials = { clientId, clientSecret };
    },
    tokens: current,
    async refresh() {
      const answer = await tokenRequest({ grant_type: 'refresh_token', refresh_token: current().refresh_token ?? '' });
      if (answer.status === 200) tokens = answer.body as unknown as TokenAnswer;
      return answer;
    },
    async callApi(path) {
      return readAnswer(await fetch(new URL(path, issuer), { headers: { Authorization: `Bearer ${current().access_token}` } }));
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
