import { CSRF_HEADER, type SessionDto } from '@keyhouse/shared-contracts';
import { expect, type Page } from '@playwright/test';

export interface ConsoleApi {
  put(path: string, data: object): Promise<void>;
  delete(path: string): Promise<void>;
}

/**
 * The back-office API with the page's session, for clean-up that must happen even
 * when a test fails half-way: other specs share the server's database.
 */
export async function consoleApi(page: Page): Promise<ConsoleApi> {
  const session = await page.request.get('/admin/api/session');
  expect(session.ok(), 'signed in').toBe(true);
  const { csrfToken } = (await session.json()) as SessionDto;
  const headers = { [CSRF_HEADER]: csrfToken };

  return {
    async put(path: string, data: object): Promise<void> {
      const answer = await page.request.put(path, { data, headers });
      expect(answer.ok(), `PUT ${path}: ${await answer.text()}`).toBe(true);
    },
    async delete(path: string): Promise<void> {
      const answer = await page.request.delete(path, { headers });
      expect(answer.ok(), `DELETE ${path}: ${await answer.text()}`).toBe(true);
    },
  };
}
