import type { OAuthApplicationDto, OAuthApplicationInput, OrganizationDto } from '@keyhouse/shared-contracts';
import { expect, type Page, test } from '@playwright/test';

import { signedInApi } from '../src/api';
import { ADMIN_PASSWORD, ADMIN_USERNAME, FIRST_LOAD_BASE_URL } from '../src/fixtures';

// Its own server: the organizations made here would change what the other specs' consoles show.
// No trace: recording one (a screenshot of every frame) would be timed with the console.
test.use({ baseURL: FIRST_LOAD_BASE_URL, trace: 'off' });

/** Issue 13: from the click on "Sign in" to the first row of the OAuth Applications grid. */
const BUDGET_MS = 800;
/** Each in a new browser context (nothing cached); the best counts, the others show the spread. */
const RUNS = 3;

const ORGANIZATIONS = ['Default Organization', 'Northwind', 'Southwind'];
const APPLICATIONS_PER_ORGANIZATION = 10;
/** The first row of the grid, sorted by name. */
const FIRST_APPLICATION = 'App 01 of Default Organization';

// The console as the issue measured it: thirty applications across three organizations. What a
// retry finds there already is not made again.
test.beforeAll(async ({ playwright }) => {
  const request = await playwright.request.newContext({ baseURL: FIRST_LOAD_BASE_URL });
  try {
    const api = await signedInApi(request, { username: ADMIN_USERNAME, password: ADMIN_PASSWORD });
    const organizations = await api.get<OrganizationDto[]>('/admin/api/organizations');
    const everyApplication = encodeURIComponent(JSON.stringify([0, 99]));
    const applications = new Set((await api.get<OAuthApplicationDto[]>(`/admin/api/oauth-applications?range=${everyApplication}`)).map(({ name }) => name));
    for (const name of ORGANIZATIONS) {
      const organization = organizations.find((candidate) => candidate.name === name) ?? (await api.post<OrganizationDto>('/admin/api/organizations', { name }));
      for (let number = 1; number <= APPLICATIONS_PER_ORGANIZATION; number++) {
        const application = `App ${String(number).padStart(2, '0')} of ${name}`;
        if (applications.has(application)) continue;
        await api.post('/admin/api/oauth-applications', { organizationId: organization.id, name: application, grants: ['password'] } satisfies OAuthApplicationInput);
      }
    }
  } finally {
    await request.dispose();
  }
});

/** What the page notes down for the test (on `window`). */
interface FirstRowTiming {
  firstRowTiming: Promise<number>;
}

/**
 * From now on the page times, itself (the test runner's own delays do not count), how many
 * milliseconds pass from the next click on "Sign in" to the frame that first shows a grid row
 * holding `text`. Read it with `readFirstRowTiming`.
 */
async function startFirstRowTimer(page: Page, text: string): Promise<void> {
  await page.evaluate((text) => {
    (window as unknown as FirstRowTiming).firstRowTiming = new Promise<number>((resolve) => {
      let clickedAt: number | undefined;
      document.addEventListener(
        'click',
        (event) => {
          if ((event.target as Element).closest('button[type="submit"]')) clickedAt = performance.now();
        },
        { capture: true },
      );
      const observer = new MutationObserver(() => {
        // Loading placeholders are rows too: wait for the data.
        if (clickedAt === undefined || !document.querySelector('main table tbody')?.textContent?.includes(text)) return;
        observer.disconnect();
        const started = clickedAt;
        requestAnimationFrame(() => resolve(performance.now() - started));
      });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    });
  }, text);
}

const readFirstRowTiming = (page: Page): Promise<number> => page.evaluate(() => (window as unknown as FirstRowTiming).firstRowTiming);

test(`from "Sign in" to the first row of the OAuth Applications grid takes at most ${BUDGET_MS} ms`, async ({ browser }, testInfo) => {
  const timings: number[] = [];
  for (let run = 1; run <= RUNS; run++) {
    const context = await browser.newContext({ baseURL: FIRST_LOAD_BASE_URL });
    try {
      const page = await context.newPage();
      await page.goto('/admin/oauth-applications');
      await expect(page).toHaveURL(/\/admin\/login$/);
      // Settled, as for a person, who takes a few seconds to type: what the sign-in page loads
      // meanwhile (the code of the page it leads to) is done before the click.
      await page.waitForLoadState('networkidle');
      await page.getByLabel('Username').fill(ADMIN_USERNAME);
      await page.getByLabel('Password').fill(ADMIN_PASSWORD);
      await startFirstRowTimer(page, FIRST_APPLICATION);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await expect(page).toHaveURL(/\/admin\/oauth-applications$/);
      await expect(page.getByRole('row').nth(1)).toContainText(FIRST_APPLICATION);
      timings.push(await readFirstRowTiming(page));
      if (run === 1) await page.screenshot({ path: testInfo.outputPath('grid.png') });
    } finally {
      await context.close();
    }
  }
  const best = Math.min(...timings);
  console.log(`sign-in to first grid row: best ${best.toFixed(0)} ms of ${timings.map((ms) => ms.toFixed(0)).join(', ')} ms (budget ${BUDGET_MS} ms)`);
  expect(best).toBeLessThanOrEqual(BUDGET_MS);
});
