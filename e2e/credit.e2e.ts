import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inviteColleague, launchBrowser, signInFirstAdmin, startAccord, type RunningAccord } from './support.ts';

let accord: RunningAccord;
let browser: Browser;
let workspaceId: string;
let marketingLead: Page;
let salesManager: Page;
let rep: Page;
let policyUrl: string;
let disputeUrl: string;

/** A month of next year: no target is set for it in the demo workspace. */
const YEAR = new Date().getUTCFullYear() + 1;
const PERIOD = `${YEAR}-04`;
const PERIOD_LABEL = `Apr ${YEAR}`;
const DISPUTE_OPEN_TEXT = 'Awaiting a ruling from a marketing lead or a sales manager who did not open it.';

beforeAll(async () => {
  accord = await startAccord();
  browser = await launchBrowser();
  const admin = await signInFirstAdmin(browser, accord);
  workspaceId = admin.workspaceId;
  marketingLead = await inviteColleague(browser, accord, admin, { email: 'mara@example.com', role: 'marketing_lead', name: 'Mara Marketing' });
  salesManager = await inviteColleague(browser, accord, admin, { email: 'sam@example.com', role: 'sales_manager', name: 'Sam Sales' });
  rep = await inviteColleague(browser, accord, admin, { email: 'rita@example.com', role: 'sales_rep', name: 'Rita Rep' });
});

afterAll(async () => {
  await browser?.close();
  await accord?.stop();
});

describe('shared revenue targets and the scorecard', () => {
  it('a bad target is refused on its fields; a good one is set and its scorecard shows the funnel it takes', async () => {
    const page = marketingLead;
    await page.getByRole('link', { name: 'Targets' }).first().click();
    await page.getByRole('heading', { name: 'Targets', exact: true }).first().waitFor();
    await page.getByRole('button', { name: 'Set a target' }).click();
    const dialog = page.getByRole('dialog', { name: 'Set a revenue target' });
    await dialog.getByLabel('Period').fill(`${YEAR}-13`);
    await dialog.getByLabel('Revenue target').fill('0');
    await dialog.getByRole('button', { name: 'Set target' }).click();
    await dialog.getByText('Must be a month such as 2026-04 or a quarter such as 2026-Q2').waitFor();
    await dialog.getByText('Must be above 0').waitFor();
    expect(await dialog.getByLabel('Period').getAttribute('aria-invalid')).toBe('true');
    expect(await dialog.getByLabel('Revenue target').getAttribute('aria-invalid')).toBe('true');

    await dialog.getByLabel('Period').fill(PERIOD);
    await dialog.getByLabel('Revenue target').fill('120000');
    await dialog.getByRole('button', { name: 'Set target' }).click();
    await page.getByText(`The target of ${PERIOD_LABEL} is set.`).waitFor();
    await dialog.waitFor({ state: 'detached' });
    await page.waitForURL(new RegExp(`period=${PERIOD}`));

    const scorecard = page.getByRole('region', { name: `Scorecard ${PERIOD_LABEL}` });
    await scorecard.getByText(`Target ${PERIOD_LABEL}`).waitFor();
    await scorecard.getByText('€120,000.00').first().waitFor();
    const funnel = scorecard.getByRole('table', { name: `Reverse funnel for ${PERIOD_LABEL}` });
    await funnel.waitFor();
    for (const stage of ['Leads', 'MQLs', 'SQLs', 'Opportunities', 'Won deals']) await funnel.getByRole('row').filter({ hasText: stage }).waitFor();
    // The demo company won deals in the trailing months: the won deals needed is a whole number, never NaN or Infinity.
    const won = await funnel.getByRole('row').filter({ hasText: 'Won deals' }).getByRole('cell').nth(1).textContent();
    expect(won).toMatch(/^\d[\d,]*$/);
    expect(await scorecard.textContent()).not.toMatch(/NaN|Infinity/);
    await page.screenshot({ path: 'e2e/screenshots/targets.png', fullPage: true });
  });

  it('the target is changed from the list, and the scorecard follows', async () => {
    const page = marketingLead;
    await page.getByRole('button', { name: `Change the target of ${PERIOD_LABEL}` }).click();
    const dialog = page.getByRole('dialog', { name: `Change the target of ${PERIOD_LABEL}` });
    await dialog.getByLabel('Revenue target').fill('150000');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByText(`The target of ${PERIOD_LABEL} was changed.`).waitFor();
    await page.getByRole('region', { name: `Scorecard ${PERIOD_LABEL}` }).getByText('€150,000.00').first().waitFor();
  });
});

describe('the credit policy, co-signed by both teams', () => {
  it('a marketing lead drafts a version with another settling model, proposes it and signs for Marketing', async () => {
    const page = marketingLead;
    await page.getByRole('link', { name: 'Credit policy' }).first().click();
    await page.getByRole('heading', { name: 'The policy in force' }).waitFor();
    await page.getByText('W-shaped').first().waitFor();
    await page.getByRole('button', { name: 'New draft' }).click();
    await page.waitForURL(/\/credit-policy\/\d+$/);
    policyUrl = page.url();

    await page.getByRole('combobox', { name: 'Settling model' }).click();
    await page.getByRole('option', { name: 'Linear' }).click();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText(/was saved/).waitFor();
    await page.getByText('Settling model W-shaped → Linear').waitFor();

    await page.getByRole('button', { name: 'Propose for signature' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Propose' }).click();
    await page.getByText(/was proposed/).waitFor();

    await page.getByRole('button', { name: 'Sign for Marketing' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Sign for Marketing' }).click();
    await page.getByText(/It now awaits the sales manager/).waitFor();
    await page.getByRole('region', { name: 'Marketing lead signature' }).getByText('Mara Marketing').waitFor();
    expect(await page.getByRole('button', { name: 'Sign for Sales' }).count()).toBe(0);
  });

  it('a sales rep is offered no signature, and the server refuses theirs', async () => {
    const page = rep;
    await page.goto(policyUrl);
    await page.getByRole('region', { name: 'Sales manager signature' }).getByText(/Awaiting the sales manager’s signature/).waitFor();
    expect(await page.getByRole('button', { name: /^Sign for/ }).count()).toBe(0);
    const version = /(\d+)$/.exec(policyUrl)![1];
    const refused = await page.request.post(`${accord.url}/api/v1/workspaces/${workspaceId}/credit/policy/versions/${version}/sign`, { headers: { origin: accord.url } });
    expect(refused.status()).toBe(403);
  });

  it('the sales manager signs for Sales, and the version is the policy in force', async () => {
    const page = salesManager;
    await page.goto(policyUrl);
    await page.getByRole('button', { name: 'Sign for Sales' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Sign for Sales' }).click();
    await page.getByText(/is now active: credit for targets and bonuses is settled by it/).waitFor();

    const version = /(\d+)$/.exec(policyUrl)![1]!;
    await page.getByRole('link', { name: 'Credit policy' }).first().click();
    const row = page.getByRole('table', { name: 'Credit policy versions' }).getByRole('row').filter({ has: page.getByRole('link', { name: `v${version}`, exact: true }) });
    await row.getByText('Active', { exact: true }).waitFor();
    await row.getByText('Mara Marketing').waitFor();
    await row.getByText('Sam Sales').waitFor();
    await page.getByText(new RegExp(`v${version} “Version ${version}”, active since`)).waitFor();
    await page.getByRole('region', { name: 'The policy in force' }).getByText('Linear', { exact: true }).waitFor();
  });
});

describe('a credit dispute, opened by Sales and ruled on by Marketing', () => {
  it('a sales rep disputes a deal’s credit from the deal page', async () => {
    const page = rep;
    await page.getByRole('link', { name: 'Deals' }).first().click();
    await page.getByRole('table').getByRole('link').first().click();
    await page.waitForURL(/\/deals\/[\w-]+$/);
    const disputeButton = page.getByRole('button', { name: 'Dispute credit' });
    await disputeButton.waitFor();
    const dealName = (await page.getByRole('heading', { level: 1 }).textContent())!;
    await disputeButton.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Open dispute' }).click();
    await dialog.getByText('Is required').waitFor();
    await dialog.getByLabel('Channel it belongs to').fill('events');
    await dialog.getByLabel('Why').fill('They met us at the trade fair booth two weeks before the demo.');
    await dialog.getByRole('button', { name: 'Open dispute' }).click();
    await page.waitForURL(/\/credit\/disputes\/[\w-]+$/);
    disputeUrl = page.url();
    await page.getByRole('heading', { level: 1, name: dealName, exact: true }).waitFor();
    await page.getByText('Open', { exact: true }).first().waitFor();
    await page.getByText('They met us at the trade fair booth two weeks before the demo.').waitFor();
    await page.getByText(DISPUTE_OPEN_TEXT).waitFor();
    expect(await page.getByRole('button', { name: 'Resolve dispute' }).count()).toBe(0);
  });

  it('the marketing lead upholds it, and the ruling is on the record with who and when', async () => {
    const page = marketingLead;
    await page.goto(disputeUrl);
    await page.getByRole('button', { name: 'Resolve dispute' }).click();
    await page.getByText('Choose to uphold or reject the claim').waitFor();
    await page.getByRole('radio', { name: 'Uphold the claim' }).check();
    await page.getByLabel('Note').fill('The booth scan list has them; events sourced it.');
    await page.getByRole('button', { name: 'Resolve dispute' }).click();
    await page.getByText(/is upheld\. Both teams were told/).waitFor();
    const ruling = page.getByRole('region', { name: 'Ruling' }).last();
    await ruling.getByText('Upheld', { exact: true }).waitFor();
    await ruling.getByText('The booth scan list has them; events sourced it.').waitFor();
    await ruling.getByText(/Ruled by Mara Marketing \(Marketing lead\)/).waitFor();
    await page.screenshot({ path: 'e2e/screenshots/credit-dispute.png', fullPage: true });
  });

  it('the rep sees the ruling in the resolved disputes', async () => {
    const page = rep;
    await page.goto(`${accord.url}/w/demo/credit/disputes`);
    await page.getByText('No dispute is open: both teams accept the credit as it stands.').waitFor();
    await page.getByText('Resolved', { exact: true }).click();
    const row = page.getByRole('table', { name: 'Credit disputes' }).getByRole('row').filter({ hasText: 'events' });
    await row.getByText('Upheld').waitFor();
    await row.getByText('Mara Marketing').waitFor();
  });
});
