/** A tiny HTTP client for the tests: remembers the session cookie and sends the CSRF token like the console. */
export interface Answer<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export class HttpClient {
  csrfToken?: string;
  /** Every cookie the server set (console session, storefront session, sign-in CSRF), by name. */
  private readonly jar = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  /** The Cookie header this client sends; assigning one replaces every cookie it holds. */
  get cookie(): string | undefined {
    return this.jar.size ? [...this.jar].map(([name, value]) => `${name}=${value}`).join('; ') : undefined;
  }

  set cookie(header: string | undefined) {
    this.jar.clear();
    for (const pair of header ? header.split('; ') : []) {
      const at = pair.indexOf('=');
      this.jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
  }

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
    for (const setCookie of response.headers.getSetCookie()) {
      const pair = setCookie.split(';')[0];
      const at = pair.indexOf('=');
      const [name, value] = [pair.slice(0, at), pair.slice(at + 1)];
      if (value) this.jar.set(name, value);
      else this.jar.delete(name);
    }
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    return { status: response.status, headers: response.headers, body: (type.includes('json') && text ? JSON.parse(text) : text) as T };
  }
}
