import type { CreatedOAuthApplicationDto } from '@keyhouse/shared-contracts';
import type { HttpClient } from './http-client';

export interface Client {
  id: number;
  clientId: string;
  clientSecret: string;
}

/** Creates an application through the back-office API, as an admin would. */
export async function createClient(admin: HttpClient, body: Record<string, unknown>): Promise<Client> {
  const answer = await admin.post<CreatedOAuthApplicationDto>('/admin/api/oauth-applications', body);
  if (answer.status !== 201) throw new Error(`create failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return { id: answer.body.id, clientId: answer.body.clientId, clientSecret: answer.body.clientSecret ?? '' };
}

export const basic = (client: { clientId: string; clientSecret: string }) =>
  `Basic ${Buffer.from(`${encodeURIComponent(client.clientId)}:${encodeURIComponent(client.clientSecret)}`).toString('base64')}`;

export interface ProtocolAnswer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
  text: string;
}

/** POSTs a protocol request exactly as given: form body unless `json`, Basic auth unless told otherwise. */
export async function post(
  baseUrl: string,
  path: string,
  params: Record<string, string> | string,
  { client, json, headers = {} }: { client?: Client; json?: boolean; headers?: Record<string, string> } = {},
): Promise<ProtocolAnswer> {
  const sent: Record<string, string> = { ...headers };
  if (client) sent['authorization'] ??= basic(client);
  let body: string;
  if (typeof params === 'string') {
    body = params;
  } else if (json) {
    sent['content-type'] ??= 'application/json';
    body = JSON.stringify(params);
  } else {
    sent['content-type'] ??= 'application/x-www-form-urlencoded';
    body = new URLSearchParams(params).toString();
  }
  const response = await fetch(`${baseUrl}${path}`, { method: 'POST', headers: sent, body });
  const text = await response.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    parsed = {};
  }
  return { status: response.status, headers: response.headers, body: parsed, text };
}

export const token = (baseUrl: string, params: Record<string, string> | string, options?: Parameters<typeof post>[3]) =>
  post(baseUrl, '/oauth2-token', params, options);

export function decodeJwt(jwt: string): { header: Record<string, unknown>; claims: Record<string, unknown> } {
  const [header, claims] = jwt.split('.').slice(0, 2).map((part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')));
  return { header, claims };
}
