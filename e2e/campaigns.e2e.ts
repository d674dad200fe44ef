import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inviteColleague, launchBrowser, signInFirstAdmin, startAccord, type RunningAccord } from './support.ts';

/**
 * The surprise promotion, done right: a free washing basin with every 5 L of detergent cannot
 * launch until Operations has spoken for the stock, the offer is approved by both teams, and the
 * rep has read the briefing in time.
 */

let accord: RunningAccord;
let browser: Browser;
let admin: Page;
let lead: Page;
let ops: Page;
let manager: Page;
let rep: Page;
let workspaceId: string;
let today: string;
let campaignUrl: string;

const CAMPAIGN = 'Free basin with every 5 L';
const PHONE = { width: 390, height: 844 };

const BAD_CSV = 'sku,name,kind,on_hand,weekly_baseline,incoming\nDET-5L,Brightwash detergent 5 L,product,2000,200,\nBASIN-1,Washing basin,promo_item,lots,0,\n';
const GOOD_CSV = 'sku,name,kind,on_hand,weekly_baseline,incoming\nDET-5L,Brightwash detergent 5 L,product,2000,200,\nBASIN-1,Washing basin,promo_item,150,0,\n';

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

async function apiCall(page: Page, method: 'get' | 'post', path: string, data?: unknown): Promise<unknown> {
  const response = await page.request[method](`${accord.url}/api/v1/workspaces/${workspaceId}/${path}`, { data, headers: { origin: accord.url } });
  expect(response.ok(), `${method} ${path}: ${response.status()} ${await response.text()}`).toBe(true);
  return response.json();
}

async function isInvalid(page: Page, label: string): Promise<boolean> {
  return (await page.getByLabel(label, { exact: true }).getAttribute('aria-invalid')) === 'true';
}

/** A condition card of the launch gate says "Met" or "Not met". */
async function conditionState(page: Page, condition: string): Promise<string> {
  const badge = page.getByRole('region', { name: condition, exact: true }).getByText(/^(Met|Not met)$/);
  return (await badge.textContent()) ?? '';
}

beforeAll(async () => {
  accord = await startAccord();
  browser = await launchBrowser();
  ({ page: admin, workspaceId } = await signInFirstAdmin(browser, accord, { width: 1280, height: 900 }));
  ({ today } = (await apiCall(admin, 'get', 'calendar?from=2026-01-01&to=2026-01-01')) as { today: string });
  [lead, ops, manager, rep] = await Promise.all([
    inviteColleague(browser, accord, { page: admin, workspaceId }, { email: 'mia@example.com', role: 'marketing_lead', name: 'Mia Lead' }),
    inviteColleague(browser, accord, { page: admin, workspaceId }, { email: 'otto@example.com', role: 'operations', name: 'Otto Ops' }),
    inviteColleague(browser, accord, { page: admin, workspaceId }, { email: 'sam@example.com', role: 'sales_manager', name: 'Sam Manager' }),
    inviteColleague(browser, accord, { page: admin, workspaceId }, { email: 'rita@example.com', role: 'sales_rep', name: 'Rita Rep' }, PHONE),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await accord?.stop();
});

describe('a promotion cannot launch until stock, approvals and the sales briefing are in place', () => {
  it('operations imports the products from a CSV file: a bad row changes nothing and is shown with its line', async () => {
    const page = ops;
    await page.getByRole('link', { name: 'Products' }).first().click();
    await page.getByRole('heading', { name: 'Products', exact: true }).waitFor();
    const importer = page.getByRole('region', { name: 'Import products' });
    await importer.locator('input[type=file]').setInputFiles({ name: 'stock.csv', mimeType: 'text/csv', buffer: Buffer.from(BAD_CSV) });
    await importer.getByRole('button', { name: 'Preview' }).click();
    await importer.getByText('Nothing was imported').waitFor();
    const row = importer.getByRole('table', { name: 'Problems by line' }).getByRole('row').filter({ hasText: 'on_hand' });
    expect(await row.getByRole('cell').first().textContent()).toBe('3');
    await row.getByText('lots').waitFor();

    await importer.locator('input[type=file]').setInputFiles({ name: 'stock.csv', mimeType: 'text/csv', buffer: Buffer.from(GOOD_CSV) });
    await importer.getByRole('button', { name: 'Preview' }).click();
    await importer.getByText('Preview: nothing has been saved yet').waitFor();
    await importer.getByRole('button', { name: 'Import' }).click();
    await importer.getByText('Import finished').waitFor();
    const table = page.getByRole('table', { name: 'Products' });
    await table.getByRole('row').filter({ hasText: 'BASIN-1' }).getByText('Promo item').waitFor();
    await table.getByRole('row').filter({ hasText: 'DET-5L' }).getByText('2,000').waitFor();
  });

  it('a marketer plans the promotion with a free gift; the server’s objections show on the fields', async () => {
    const page = lead;
    await page.getByRole('link', { name: 'Campaign calendar' }).first().click();
    await page.getByRole('heading', { name: 'Campaign calendar' }).waitFor();
    await page.getByRole('link', { name: 'New campaign' }).click();
    await page.getByRole('heading', { name: 'New campaign' }).waitFor();

    await page.getByLabel('Name').fill(CAMPAIGN);
    await page.getByLabel('Type', { exact: true }).fill('Promotion');
    const channels = page.getByRole('combobox', { name: 'Channels', exact: true });
    await channels.fill('tv');
    await channels.press('Enter');
    await page.getByLabel('Launch day').fill(addDays(today, -1));
    await page.getByLabel('Last day').fill(addDays(today, -3));
    await page.getByRole('combobox', { name: 'Offer', exact: true }).click();
    await page.getByRole('option', { name: 'Free gift' }).click();
    await page.getByLabel('Offer description').fill('A washing basin free with every 5 L pack');
    await page.getByLabel('Promotional price').fill('12.99');
    await page.getByLabel('Expected uplift %').fill('-150');
    await page.getByRole('button', { name: 'Add a product or promo item' }).click();
    await page.getByRole('group', { name: 'Product 1' }).getByLabel('SKU').fill('NOPE-1');
    await page.keyboard.press('Escape');

    // Each objection appears on its field, in the order the server finds them.
    await page.getByRole('button', { name: 'Create the campaign' }).click();
    await page.getByText('Must be at least -100 (demand cannot fall below zero)').waitFor();
    expect(await isInvalid(page, 'Expected uplift %')).toBe(true);
    await page.getByLabel('Expected uplift %').fill('40');
    await page.getByRole('button', { name: 'Create the campaign' }).click();
    await page.getByText('Must not be before launchOn').waitFor();
    await page.getByLabel('Last day').fill(addDays(today, 34));
    await page.getByRole('button', { name: 'Create the campaign' }).click();
    await page.getByText(/^Must not be in the past \(today is/).waitFor();
    await page.getByText('No product with SKU "NOPE-1" in this workspace').waitFor();
    await page.screenshot({ path: 'e2e/screenshots/campaign-editor-errors.png', fullPage: true });

    await page.getByLabel('Launch day').fill(addDays(today, 21));
    await page.getByRole('group', { name: 'Product 1' }).getByLabel('SKU').fill('DET-5L');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Add a product or promo item' }).click();
    const basin = page.getByRole('group', { name: 'Product 2' });
    await basin.getByLabel('SKU').fill('BASIN-1');
    await page.keyboard.press('Escape');
    await basin.getByLabel('Given per unit sold').fill('1');
    await page.getByRole('combobox', { name: 'Reps to brief', exact: true }).click();
    await page.getByRole('option', { name: 'Rita Rep (Sales rep)' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Add a key message' }).click();
    await page.getByLabel('Key messages 1', { exact: true }).fill('Cleaner laundry, and a basin to carry it');
    await page.getByRole('button', { name: 'Add a question' }).click();
    await page.getByLabel('Question 1', { exact: true }).fill('Is the basin in every pack?');
    await page.getByLabel('Answer 1', { exact: true }).fill('Only in the 5 L packs marked with the sticker, while stocks last.');
    await page.getByRole('button', { name: 'Create the campaign' }).click();
    await page.waitForURL(/\/w\/demo\/campaigns\/[0-9a-f-]{36}$/);
    campaignUrl = page.url();
    await page.getByRole('heading', { name: CAMPAIGN }).waitFor();
  });

  it('the launch gate shows it blocked: stock, briefing, approvals and notice', async () => {
    const page = lead;
    await page.getByText('The launch is blocked by 4 conditions').waitFor();
    for (const condition of ['Stock', 'Sales briefing', 'Offer approval', 'Notice to Sales']) expect(await conditionState(page, condition)).toBe('Not met');
    expect(await page.getByRole('button', { name: 'Schedule launch' }).isDisabled()).toBe(true);
    const forecast = page.getByRole('table', { name: 'Forecast and coverage' });
    await forecast.getByRole('row').filter({ hasText: 'BASIN-1' }).getByText('410').waitFor();
    await page.screenshot({ path: 'e2e/screenshots/campaign-gate-blocked.png', fullPage: true });
  });

  it('operations confirms the detergent and accepts the basin shortfall with a reason', async () => {
    const page = ops;
    await page.goto(campaignUrl);
    const stock = page.getByRole('region', { name: 'Stock', exact: true });
    await stock.getByRole('button', { name: 'Confirm stock of DET-5L' }).click();
    await page.getByText('Stock of DET-5L confirmed.').waitFor();
    await stock.getByRole('button', { name: 'Accept shortfall of BASIN-1' }).click();
    const dialog = page.getByRole('dialog', { name: 'Accept a shortfall of BASIN-1' });
    await dialog.getByText('410 units').waitFor();
    await dialog.getByRole('button', { name: 'Accept shortfall' }).click();
    await dialog.getByText('Say why the launch can go ahead with less stock').waitFor();
    await dialog.getByLabel('Reason').fill('2,000 basins arrive in week 2; the spot says “while stocks last”');
    await dialog.getByRole('button', { name: 'Accept shortfall' }).click();
    await page.getByText('Shortfall of BASIN-1 accepted.').waitFor();
    await stock.getByText('Reason: 2,000 basins arrive in week 2').waitFor();
    expect(await conditionState(page, 'Stock')).toBe('Met');
  });

  it('the marketing lead and the sales manager approve the offer', async () => {
    for (const [page, role] of [[lead, 'marketing lead'], [manager, 'sales manager']] as const) {
      await page.goto(campaignUrl);
      await page.getByRole('button', { name: `Approve as ${role}` }).click();
      const dialog = page.getByRole('dialog', { name: `Approve the offer as ${role}` });
      await dialog.getByRole('button', { name: 'Approve offer' }).click();
      await page.getByText(`You approved the offer for the ${role}s.`).waitFor();
    }
    await manager.getByRole('region', { name: 'Offer approval', exact: true }).getByText('Met', { exact: true }).waitFor();
  });

  it('the briefing is published and the rep acknowledges it on a phone; a second acknowledgement is refused', async () => {
    await lead.goto(campaignUrl);
    await lead.getByRole('region', { name: 'Sales briefing', exact: true }).getByRole('button', { name: 'Publish briefing' }).click();
    await lead.getByText(/Briefing v1 is published/).waitFor();

    const page = rep;
    await page.goto(`${accord.url}/w/demo`);
    const upcoming = page.getByRole('region', { name: 'Upcoming campaigns' });
    const card = upcoming.getByRole('listitem', { name: CAMPAIGN });
    await card.getByText('Please acknowledge').waitFor();
    await page.screenshot({ path: 'e2e/screenshots/campaign-rep-home-phone.png', fullPage: true });
    await card.getByRole('link', { name: `Read the briefing of ${CAMPAIGN}` }).click();
    await page.getByRole('heading', { name: CAMPAIGN }).waitFor();
    await page.getByRole('region', { name: 'FAQ' }).getByText('Is the basin in every pack?').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: 'e2e/screenshots/campaign-briefing-phone.png', fullPage: true });
    // The same briefing in a second tab, left open: it still offers the button after the first tab acknowledged.
    const stale = await page.context().newPage();
    await stale.goto(page.url());
    await stale.getByRole('button', { name: 'Acknowledge', exact: true }).waitFor();

    await page.getByRole('button', { name: 'Acknowledge', exact: true }).click();
    await page.getByText(/You acknowledged briefing v1 on/).waitFor();

    await stale.getByRole('button', { name: 'Acknowledge', exact: true }).click();
    await stale.getByRole('alert').getByText(/Briefing v1 is already acknowledged for this rep by Rita Rep/).waitFor();
    await stale.close();
  });

  it('the launch can then be scheduled, and the calendar shows it scheduled', async () => {
    const page = lead;
    await page.goto(campaignUrl);
    await page.getByText('Ready to launch').waitFor();
    for (const condition of ['Stock', 'Sales briefing', 'Offer approval', 'Notice to Sales']) expect(await conditionState(page, condition)).toBe('Met');
    await page.getByRole('button', { name: 'Schedule launch' }).click();
    await page.getByText(/^Scheduled to launch on/).waitFor();
    await page.screenshot({ path: 'e2e/screenshots/campaign-gate-scheduled.png', fullPage: true });

    await page.goto(`${accord.url}/w/demo/calendar?at=${addDays(today, 21)}`);
    await page.getByRole('link', { name: new RegExp(`^${CAMPAIGN}: Scheduled`) }).first().waitFor();
    await page.screenshot({ path: 'e2e/screenshots/campaign-calendar-month.png', fullPage: true });

    await rep.goto(`${accord.url}/w/demo/calendar?at=${addDays(today, 21)}`);
    const item = rep.getByRole('list', { name: 'Campaigns' }).getByRole('listitem', { name: CAMPAIGN });
    await item.getByText('Scheduled').waitFor();
    await rep.screenshot({ path: 'e2e/screenshots/campaign-calendar-phone.png', fullPage: true });
  });

  it('an admin turns on the calendar feed in the settings; calendar applications read the campaign from it', async () => {
    const page = admin;
    await page.goto(`${accord.url}/w/demo/settings/campaigns`);
    await page.getByRole('heading', { name: 'Campaigns', exact: true }).waitFor();
    await page.getByLabel('Minimum notice (days)').waitFor();
    await page.getByRole('button', { name: 'Turn on the calendar feed' }).click();
    const url = (await page.getByTestId('calendar-feed-url').textContent()) ?? '';
    expect(url).toMatch(/\/api\/v1\/calendar\/[0-9a-f]{40}\.ics$/);
    const feed = await page.request.get(url);
    expect(feed.status()).toBe(200);
    expect(await feed.text()).toContain(CAMPAIGN);
  });
});
