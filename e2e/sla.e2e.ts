import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inviteColleague, launchBrowser, signInFirstAdmin, startAccord, type RunningAccord } from './support.ts';

let accord: RunningAccord;
let browser: Browser;
let admin: Page;
let rep: Page;
let workspaceId: string;

const REP = { email: 'rita@example.com', name: 'Rita Rep' };
/** Two people who qualify at once under the demo's contract: a CEO with a business address (fit 40) who asked to be contacted (engagement 40). */
const LEADS = [
  { firstName: 'Erika', lastName: 'Eins', company: 'Eins Wäscherei' },
  { firstName: 'Rolf', lastName: 'Zwei', company: 'Zwei Hotels' },
  { firstName: 'Ida', lastName: 'Drei', company: 'Drei Kliniken' },
];

async function apiCall(page: Page, method: 'get' | 'post' | 'put', path: string, data?: unknown): Promise<unknown> {
  const response = await page.request[method](`${accord.url}/api/v1/workspaces/${workspaceId}/${path}`, { data, headers: { origin: accord.url } });
  expect(response.ok(), `${method} ${path}: ${response.status()} ${await response.text()}`).toBe(true);
  return response.json();
}

beforeAll(async () => {
  accord = await startAccord();
  browser = await launchBrowser();
  ({ page: admin, workspaceId } = await signInFirstAdmin(browser, accord));
  rep = await inviteColleague(browser, accord, { page: admin, workspaceId }, { ...REP, role: 'sales_rep' });

  // New MQLs go to the new rep: the fallback pool is only her, the working hours stay as they are.
  const { items: reps } = (await apiCall(admin, 'get', 'reps')) as { items: { userId: string; email: string }[] };
  const repId = reps.find((r) => r.email === REP.email)!.userId;
  const { calendar } = (await apiCall(admin, 'get', 'sales-settings')) as { calendar: unknown };
  await apiCall(admin, 'put', 'sales-settings', { calendar, routing: { rules: [], fallbackRepIds: [repId] } });

  for (const lead of LEADS) {
    const email = `${lead.firstName.toLowerCase()}@${lead.lastName.toLowerCase()}-laundry.example`;
    const { id } = (await apiCall(admin, 'post', 'leads', { ...lead, email, title: 'CEO', source: 'website' })) as { id: string };
    await apiCall(admin, 'post', 'touchpoints/batch', {
      touchpoints: [{ leadId: id, type: 'form_submit', url: '/contact', occurredAt: new Date(Date.now() - 60_000).toISOString() }],
    });
  }
});

afterAll(async () => {
  await browser?.close();
  await accord?.stop();
});

describe('the MQL handover, worked by a sales rep and scored in the SLA ledger', () => {
  it('the rep sees the MQLs in "My MQLs", rejects one with a reason and accepts another', async () => {
    const page = rep;
    await page.getByRole('link', { name: 'My MQLs' }).first().click();
    await page.getByRole('heading', { name: 'My MQLs' }).waitFor();
    const inbox = page.getByRole('list', { name: 'Open MQLs' });
    const first = inbox.getByRole('listitem', { name: 'MQL Erika Eins' });
    const second = inbox.getByRole('listitem', { name: 'MQL Rolf Zwei' });
    await first.waitFor();
    await second.waitFor();
    await first.getByText(/left to first contact|overdue by/).waitFor();
    await first.getByText(/qualified under contract v\d+/).waitFor();
    await page.screenshot({ path: 'e2e/screenshots/sla-inbox.png' });

    await first.getByRole('button', { name: 'Reject Erika Eins' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reject Erika Eins' });
    await dialog.getByRole('button', { name: 'Reject MQL' }).click();
    await dialog.getByText('Choose why this is not a lead for Sales').waitFor();
    await dialog.getByRole('combobox', { name: 'Reason' }).click();
    await page.getByRole('option', { name: 'Job seeker' }).click();
    await dialog.getByLabel('Note').fill('Asked about open positions on the call');
    await dialog.getByRole('button', { name: 'Reject MQL' }).click();
    await page.getByText(/Erika Eins was rejected \(Job seeker\)/).waitFor();
    await first.waitFor({ state: 'detached' });

    await second.getByRole('button', { name: 'Accept Rolf Zwei' }).click();
    await page.getByText(/Rolf Zwei was accepted/).waitFor();
    await second.waitFor({ state: 'detached' });
  });

  it('the lead page shows the handover with the decision', async () => {
    const page = rep;
    await page.goto(`${accord.url}/w/demo/leads?q=Rolf`);
    await page.getByRole('link', { name: 'Rolf Zwei' }).first().click();
    const card = page.getByRole('region', { name: 'Handover' });
    await card.getByText('Accepted', { exact: true }).first().waitFor();
    await card.getByText('Why it qualified').waitFor();
    await card.getByText('Form submit · /contact').waitFor();
  });

  it('a sales manager moves an open MQL to another rep from the lead page', async () => {
    const page = admin;
    await page.goto(`${accord.url}/w/demo/leads?q=Ida`);
    await page.getByRole('link', { name: 'Ida Drei' }).first().click();
    const card = page.getByRole('region', { name: 'Handover' });
    await card.getByText(`Assigned to ${REP.name}`).waitFor();
    await card.getByRole('combobox', { name: 'Move to another rep' }).click();
    await page.getByRole('option', { name: /^Luca Moretti/ }).click();
    await card.getByRole('button', { name: 'Assign' }).click();
    await page.getByText(/Ida Drei is now Luca Moretti’s/).waitFor();
    await card.getByText('Assigned to Luca Moretti').waitFor();
    await card.getByText(/Routing: Assigned by/).waitFor();
    await page.screenshot({ path: 'e2e/screenshots/sla-assign.png', fullPage: true });
  });

  it('the SLA ledger counts one accepted and one rejected MQL for the rep', async () => {
    const page = rep;
    await page.getByRole('link', { name: 'SLA ledger' }).first().click();
    await page.getByRole('heading', { name: 'SLA ledger' }).waitFor();
    const table = page.getByRole('table', { name: "Sales' side per rep" });
    const row = table.getByRole('row').filter({ hasText: REP.name });
    await row.waitFor();
    const cells = row.getByRole('cell');
    // Rep, MQLs, Met, Breached, Overdue, Pending, Median time, Attempts met %, Accepted, Rejected
    expect(await cells.nth(8).textContent()).toBe('1');
    expect(await cells.nth(9).textContent()).toBe('1');
    await page.getByRole('region', { name: 'Marketing’s side: MQL volume and quality' }).getByText('Holds Marketing to account').waitFor();
    await page.screenshot({ path: 'e2e/screenshots/sla-ledger.png', fullPage: true });
  });
});
