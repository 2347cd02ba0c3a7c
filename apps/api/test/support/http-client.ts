/** A tiny HTTP client for the tests: remembers the session cookie and sends the CSRF token like the console. */
export interface Answer<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export class HttpClient {
  cookie?: string;
  csrfToken?: string;

  constructor(readonly baseUrl: string) {}

  get<T = unknown>(path: string, headers: Record<string, string> = {}): Promise<Answer<T>> {
    return this.request<T>('GET', path, undefined, headers);
  }

  post<T = unknown>(path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer<T>> {
    return this.request<T>('POST', path, body, headers);
  }

  delete<T = unknown>(path: string, headers: Record<string, string> = {}): Promise<Answer<T>> {
    return this.request<T>('DELETE', path, undefined, headers);
  }

  async signIn(username: string, password: string): Promise<Answer<{ csrfToken: string }>> {
    const answer = await this.post<{ csrfToken: string }>('/admin/api/session', { username, password });
    if (answer.status === 200) this.csrfToken = answer.body.csrfToken;
    return answer;
  }

  /** Sends the request exactly as given: no cookie or CSRF header unless the client holds them. */
  async request<T>(method: string, path: string, body: unknown, headers: Record<string, string>): Promise<Answer<T>> {
    const sent: Record<string, string> = { ...headers };
    if (this.cookie) sent['cookie'] ??= this.cookie;
    if (this.csrfToken && method !== 'GET') sent['x-csrf-token'] ??= this.csrfToken;
    if (body !== undefined && typeof body !== 'string') sent['content-type'] ??= 'application/json';
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: sent,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      redirect: 'manual',
    });
    const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('keyhouse_session='));
    if (setCookie) {
      const value = setCookie.split(';')[0];
      this.cookie = value === 'keyhouse_session=' ? undefined : value;
    }
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    return { status: response.status, headers: response.headers, body: (type.includes('json') && text ? JSON.parse(text) : text) as T };
  }
}
