import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inviteColleague, launchBrowser, signInFirstAdmin, startAccord, type RunningAccord } from './support.ts';

let accord: RunningAccord;
let browser: Browser;
let marketingLead: Page;
let salesManager: Page;
let versionUrl: string;

/** "23 of 100 sample leads would be MQLs (active version: 18)" → 23. */
async function previewCount(page: Page): Promise<number | null> {
  const text = (await page.getByTestId('preview-summary').textContent()) ?? '';
  const match = /^(\d+) of (\d+) sample leads/.exec(text);
  return match ? Number(match[1]) : null;
}

beforeAll(async () => {
  accord = await startAccord();
  browser = await launchBrowser();
  const admin = await signInFirstAdmin(browser, accord);
  marketingLead = await inviteColleague(browser, accord, admin, { email: 'mara@example.com', role: 'marketing_lead', name: 'Mara Marketing' });
  salesManager = await inviteColleague(browser, accord, admin, { email: 'sam@example.com', role: 'sales_manager', name: 'Sam Sales' });
});

afterAll(async () => {
  await browser?.close();
  await accord?.stop();
});

describe('the lead contract, drafted by Marketing and signed by both teams', () => {
  it('a marketing lead drafts a version, lowers the fit threshold and sees the preview change, proposes it and signs', async () => {
    const page = marketingLead;
    await page.getByRole('link', { name: 'Lead contract' }).first().click();
    await page.getByRole('heading', { name: 'The active contract' }).waitFor();
    await page.getByRole('button', { name: 'New draft' }).click();
    await page.waitForURL(/\/lead-contract\/\d+$/);
    versionUrl = page.url();
    await page.getByText('Draft', { exact: true }).first().waitFor();

    await expect.poll(() => previewCount(page), { timeout: 20_000 }).not.toBeNull();
    const before = (await previewCount(page))!;
    await page.getByLabel('Fit threshold').fill('0');
    await expect.poll(() => previewCount(page), { timeout: 10_000 }).toBeGreaterThan(before);
    await page.screenshot({ path: 'e2e/screenshots/contract-editor.png' });

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText(/was saved/).waitFor();
    await page.getByText(/Fit threshold 40 → 0/).waitFor();

    await page.getByRole('button', { name: 'Propose for signature' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Propose' }).click();
    await page.getByText(/was proposed/).waitFor();

    await page.getByRole('button', { name: 'Sign for Marketing' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Sign for Marketing' }).click();
    await page.getByText(/It now awaits the sales manager/).waitFor();
    const slot = page.getByRole('region', { name: 'Marketing lead signature' });
    await slot.getByText('Mara Marketing').waitFor();
    expect(await page.getByRole('button', { name: 'Sign for Sales' }).count()).toBe(0);
  });

  it('the sales manager signs for Sales, the version becomes active, and the list shows it', async () => {
    const page = salesManager;
    await page.goto(versionUrl);
    await page.getByRole('region', { name: 'Marketing lead signature' }).getByText('Mara Marketing').waitFor();
    await page.getByRole('button', { name: 'Sign for Sales' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Sign for Sales' }).click();
    await page.getByText(/is now active/).waitFor();

    const version = /\/lead-contract\/(\d+)$/.exec(versionUrl)![1]!;
    await page.goto(`${accord.url}/w/demo/lead-contract`);
    const table = page.getByRole('table', { name: 'Lead contract versions' });
    const row = table.getByRole('row').filter({ has: page.getByRole('link', { name: `v${version}`, exact: true }) });
    await row.getByText('Active', { exact: true }).waitFor({ timeout: 30_000 });
    await row.getByText('Mara Marketing').waitFor();
    await row.getByText('Sam Sales').waitFor();
    await page.getByText(new RegExp(`v${version} “Version ${version}”, active since`)).waitFor();
    await page.getByText(/fit score reaches 0 and its engagement score reaches/).waitFor();
  });
});
