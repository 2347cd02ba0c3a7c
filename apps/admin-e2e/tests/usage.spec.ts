import type { ApplicationUsageDto, CreatedOAuthApplicationDto, MeDto } from '@keyhouse/shared-contracts';
import { expect, type Page, test } from '@playwright/test';

import { type ConsoleApi, consoleApi } from '../src/api';
import { cellUnder, searchGrid, signIn } from '../src/console';
import { backdateApplication } from '../src/database';
import { ADMIN_FULL_NAME, ADMIN_PASSWORD, ADMIN_USERNAME } from '../src/fixtures';
import { PHONE } from '../src/viewports';

const BASE = '/admin/api/oauth-applications';

/** Asks for a client_credentials token as a client would; answers the status. */
async function requestToken(page: Page, clientId: string, clientSecret: string): Promise<number> {
  const basic = Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64');
  const answer = await page.request.post('/oauth2-token', { form: { grant_type: 'client_credentials' }, headers: { authorization: `Basic ${basic}` } });
  return answer.status();
}

let created: number[] = [];

// Other specs share this server's database: the applications go, passed or failed.
test.afterEach(async ({ page }) => {
  const api = await consoleApi(page);
  for (const id of created) await api.delete(`${BASE}/${id}`);
  created = [];
});

async function signedIn(page: Page): Promise<{ api: ConsoleApi; create: (name: string) => Promise<CreatedOAuthApplicationDto> }> {
  await page.goto('/admin');
  await signIn(page, ADMIN_USERNAME, ADMIN_PASSWORD);
  await expect(page.getByRole('heading', { name: `Welcome, ${ADMIN_FULL_NAME}` })).toBeVisible();
  const api = await consoleApi(page);
  const me = await api.get<MeDto>('/admin/api/me');
  const create = async (name: string) => {
    const application = await api.post<CreatedOAuthApplicationDto>(BASE, { name, grants: ['client_credentials'], userId: me.id });
    created.push(application.id);
    return application;
  };
  return { api, create };
}

test('the view page charts the tokens issued and failed authentications of the last 30 days', async ({ page }) => {
  const { api, create } = await signedIn(page);
  const suffix = Date.now().toString(36);
  const busy = await create(`Usage busy ${suffix}`);
  const idle = await create(`Usage idle ${suffix}`);

  await test.step('a client gets three tokens and fails to authenticate twice', async () => {
    for (let i = 0; i < 3; i++) expect(await requestToken(page, busy.clientId, busy.clientSecret ?? '')).toBe(200);
    for (let i = 0; i < 2; i++) expect(await requestToken(page, busy.clientId, 'not-the-secret')).toBe(401);
    // Counts are written every two seconds: wait for them rather than for a fixed time.
    await expect
      .poll(async () => (await api.get<ApplicationUsageDto>(`${BASE}/${busy.id}/usage?days=1`)).days[0], { timeout: 30_000 })
      .toEqual(expect.objectContaining({ tokensIssued: 3, failedAuthentications: 2 }));
  });

  const usage = page.getByRole('region', { name: 'Usage' });

  await test.step('the chart shows them on today, with the totals', async () => {
    await page.goto(`/admin/oauth-applications/${busy.id}/show`);
    const chart = usage.getByRole('figure', { name: /last 30 days/ });
    await expect(chart).toBeVisible();
    await expect(chart).toContainText('Tokens issued: 3');
    await expect(chart).toContainText('Failed authentications: 2');
    // The numbers behind the bars, one row a day, today last.
    const days = chart.getByRole('row').filter({ has: page.getByRole('cell') });
    await expect(days).toHaveCount(30);
    await expect(days.last().getByRole('cell')).toHaveText(['3', '2']);
    await expect(days.first().getByRole('cell')).toHaveText(['0', '0']);
    await expect(chart.locator('svg')).toBeVisible();
  });

  await test.step('the period goes from a week to a year (30 days unless chosen), with the keyboard too', async () => {
    const period = usage.getByRole('group', { name: 'Period' });
    const rowsOf = (days: number) =>
      usage.getByRole('figure', { name: new RegExp(`last ${days} days`) }).getByRole('row').filter({ has: page.getByRole('cell') });
    await expect(period.getByRole('button')).toHaveText(['7 days', '30 days', '90 days', '365 days']);
    await expect(period.getByRole('button', { name: '30 days' })).toHaveAttribute('aria-pressed', 'true');
    // One tab stop for the group, the chosen period; the arrow keys move between the periods.
    await period.getByRole('button', { name: '30 days' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(period.getByRole('button', { name: '90 days' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(period.getByRole('button', { name: '90 days' })).toHaveAttribute('aria-pressed', 'true');
    await expect(rowsOf(90)).toHaveCount(90);
    await expect(rowsOf(90).last().getByRole('cell')).toHaveText(['3', '2']);
    await period.getByRole('button', { name: '365 days' }).click();
    await expect(rowsOf(365)).toHaveCount(365);
    await period.getByRole('button', { name: '7 days' }).click();
    await expect(rowsOf(7)).toHaveCount(7);
    await expect(usage).toContainText('last 7 days');
  });

  await test.step('on a phone its labels stay readable and apart, within the screen', async () => {
    // Loaded afresh, as a phone would: resized in place, the menu open beside the page would cover it as a drawer.
    await page.setViewportSize(PHONE);
    await page.reload();
    const chart = usage.getByRole('figure', { name: /last 30 days/ });
    await chart.locator('svg').scrollIntoViewIfNeeded();
    await expect(chart.locator('svg')).toBeInViewport({ ratio: 1 });
    // The SVG scales its drawing to its width: a label's size on screen is its font size times that scale.
    const labels = await chart.locator('svg').evaluate((svg: SVGSVGElement) => {
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      return [...svg.querySelectorAll('text')].map((text) => {
        const box = text.getBoundingClientRect();
        return { size: parseFloat(getComputedStyle(text).fontSize) * scale, left: box.left, right: box.right, top: Math.round(box.top) };
      });
    });
    expect(Math.min(...labels.map((label) => label.size)), 'the smallest label, in CSS pixels').toBeGreaterThanOrEqual(10);
    const days = labels.filter((label) => label.top === Math.max(...labels.map(({ top }) => top))).sort((a, b) => a.left - b.left);
    expect(days.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < days.length; i++) expect(days[i].left, 'a day label clear of the one before').toBeGreaterThan(days[i - 1].right);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  });

  await test.step('an application never used says so instead of drawing an empty chart', async () => {
    await page.goto(`/admin/oauth-applications/${idle.id}/show`);
    await expect(usage.getByText('No tokens issued in the last 30 days.')).toBeVisible();
    await expect(usage.getByRole('figure')).toHaveCount(0);
  });
});

test('the grid flags dormant applications and filters on it', async ({ page }) => {
  const { create } = await signedIn(page);
  const suffix = Date.now().toString(36);
  const dormant = await create(`Dormancy forgotten ${suffix}`);
  await create(`Dormancy fresh ${suffix}`);
  // Created 200 days ago and never used: past the default DORMANT_AFTER_DAYS of 90.
  await backdateApplication(dormant.id, 200);

  await page.goto('/admin/oauth-applications');
  await searchGrid(page, page.getByRole('textbox', { name: 'Application name', exact: true }), suffix);
  const forgottenRow = page.getByRole('row').filter({ hasText: `Dormancy forgotten ${suffix}` });
  const freshRow = page.getByRole('row').filter({ hasText: `Dormancy fresh ${suffix}` });

  await test.step('the dormant one carries the badge, explained on hover', async () => {
    await expect(freshRow).toBeVisible();
    const badge = (await cellUnder(forgottenRow, 'Active')).getByText('Dormant', { exact: true });
    await expect(badge).toBeVisible();
    await expect((await cellUnder(freshRow, 'Active')).getByText('Dormant', { exact: true })).toHaveCount(0);
    await badge.hover();
    await expect(page.getByRole('tooltip')).toHaveText('No token issued for 90 days or more (counted from its creation if never used).');
  });

  await test.step('the Dormant filter keeps one or the other', async () => {
    const filter = page.getByRole('combobox', { name: 'Dormant' });
    await filter.click();
    await page.getByRole('option', { name: 'Dormant', exact: true }).click();
    await expect(forgottenRow).toBeVisible();
    await expect(freshRow).toHaveCount(0);
    await filter.click();
    await page.getByRole('option', { name: 'In use' }).click();
    await expect(freshRow).toBeVisible();
    await expect(forgottenRow).toHaveCount(0);
    await filter.click();
    await page.getByRole('option', { name: 'Any' }).click();
    await expect(forgottenRow).toBeVisible();
  });

  await test.step('the view page shows the badge too', async () => {
    await forgottenRow.getByText(`Dormancy forgotten ${suffix}`).click();
    await expect(page).toHaveURL(new RegExp(`/oauth-applications/${dormant.id}/show$`));
    await expect(page.getByRole('region', { name: 'General' }).getByText('Dormant', { exact: true })).toBeVisible();
  });
});
