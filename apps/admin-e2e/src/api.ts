import { CSRF_HEADER, type SessionDto, type SignInRequest } from '@keyhouse/shared-contracts';
import { type APIRequestContext, expect, type Page } from '@playwright/test';

export interface ConsoleApi {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, data: object): Promise<T>;
  put(path: string, data: object): Promise<void>;
  delete(path: string): Promise<void>;
}

/** Requests with a session's CSRF token, failing the test with the API's answer when refused. */
function withSession(request: APIRequestContext, csrfToken: string): ConsoleApi {
  const headers = { [CSRF_HEADER]: csrfToken };
  return {
    async get<T>(path: string): Promise<T> {
      const answer = await request.get(path);
      expect(answer.ok(), `GET ${path}: ${await answer.text()}`).toBe(true);
      return (await answer.json()) as T;
    },
    async post<T>(path: string, data: object): Promise<T> {
      const answer = await request.post(path, { data, headers });
      expect(answer.ok(), `POST ${path}: ${await answer.text()}`).toBe(true);
      return (await answer.json()) as T;
    },
    async put(path: string, data: object): Promise<void> {
      const answer = await request.put(path, { data, headers });
      expect(answer.ok(), `PUT ${path}: ${await answer.text()}`).toBe(true);
    },
    async delete(path: string): Promise<void> {
      const answer = await request.delete(path, { headers });
      expect(answer.ok(), `DELETE ${path}: ${await answer.text()}`).toBe(true);
    },
  };
}

/**
 * The back-office API with the page's session, for clean-up that must happen even
 * when a test fails half-way: other specs share the server's database.
 */
export async function consoleApi(page: Page): Promise<ConsoleApi> {
  const session = await page.request.get('/admin/api/session');
  expect(session.ok(), 'signed in').toBe(true);
  const { csrfToken } = (await session.json()) as SessionDto;
  return withSession(page.request, csrfToken);
}

/** The back-office API signed in on a request context of its own, apart from any page's cookies. */
export async function signedInApi(request: APIRequestContext, credentials: SignInRequest): Promise<ConsoleApi & { session: SessionDto }> {
  const answer = await request.post('/admin/api/session', { data: credentials });
  expect(answer.ok(), `sign in as ${credentials.username}: ${await answer.text()}`).toBe(true);
  const session = (await answer.json()) as SessionDto;
  return { ...withSession(request, session.csrfToken), session };
}
