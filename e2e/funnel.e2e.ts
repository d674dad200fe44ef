import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startAccord, type RunningAccord } from './support.ts';

const OLIST_MQL = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../shared/data/olist/olist_marketing_qualified_leads_dataset.csv');
let accord: RunningAccord;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  accord = await startAccord();
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(accord.signInLink);
  await page.getByLabel('Password', { exact: true }).fill('a long admin password');
  await page.getByLabel('Confirm password').fill('a long admin password');
  await page.getByRole('button', { name: 'Set password and continue' }).click();
  await page.waitForURL(/\/w\/demo/);
});

afterAll(async () => {
  await browser?.close();
  await accord?.stop();
});

describe('the shared funnel, as both teams read it', () => {
  it('shows the demo company’s funnel by source, and a source opens its leads', async () => {
    await page.getByRole('link', { name: 'Funnel' }).first().click();
    await page.getByRole('heading', { name: 'The funnel' }).waitFor();
    await page.getByRole('link', { name: 'webinar' }).first().waitFor();
    await page.screenshot({ path: 'e2e/screenshots/funnel.png', fullPage: true });
    await page.getByRole('link', { name: 'webinar' }).first().click();
    await page.waitForURL(/\/leads\?.*source=webinar/);
    const table = page.getByRole('table', { name: 'Leads' });
    await table.getByRole('row').nth(2).waitFor();
    expect(await table.getByText('webinar').count()).toBeGreaterThan(1);
  });

  it('searches leads on the server and opens a lead with one timeline', async () => {
    await page.goto(`${accord.url}/w/demo/leads`);
    const table = page.getByRole('table', { name: 'Leads' });
    const firstEmail = (await table.getByRole('row').nth(1).getByRole('link').first().textContent())!.trim();
    await page.getByLabel('Search leads').fill(firstEmail.slice(0, 4));
    await page.waitForURL(/q=/);
    await table.getByRole('row').nth(1).getByRole('link').first().click();
    await page.getByRole('heading', { name: 'Timeline' }).waitFor();
    expect(await page.getByText(/Created as|→/).count()).toBeGreaterThan(0);
  });

  it('previews and imports the Olist file through the page, with its numbers', async () => {
    await page.goto(`${accord.url}/w/demo/import`);
    await page.getByRole('combobox', { name: 'Import preset' }).click();
    await page.getByRole('option', { name: 'Olist marketing qualified leads' }).click();
    await page.locator('input[type=file]').setInputFiles(OLIST_MQL);
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByText('8,000').first().waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText(/imported|saved/i).first().waitFor({ timeout: 30_000 });
    const leads = await page.request.get(`${accord.url}/api/v1/auth/me`);
    const workspaceId = ((await leads.json()) as { workspaces: { id: string }[] }).workspaces[0]!.id;
    const olist = await page.request.get(`${accord.url}/api/v1/workspaces/${workspaceId}/leads?source=paid_search&limit=5`);
    expect(((await olist.json()) as { items: unknown[] }).items).toHaveLength(5);
  });

  it('records a visit on another website through the snippet, and a form fill makes the visitor a lead', async () => {
    const me = (await (await page.request.get(`${accord.url}/api/v1/auth/me`)).json()) as { workspaces: { id: string }[] };
    const api = `${accord.url}/api/v1/workspaces/${me.workspaces[0]!.id}`;
    const site = (await (await page.request.post(`${api}/tracking-sites`, { data: { name: 'Brightwash website' }, headers: { origin: accord.url } })).json()) as { snippet: string };
    const shop = http.createServer((_request, response) => {
      response.setHeader('content-type', 'text/html');
      response.end(`<!doctype html><title>Brightwash</title>
        <form onsubmit="event.preventDefault()"><input name="email"><input name="first_name"><input type="password" name="password"><button>Send</button></form>
        ${site.snippet}`);
    });
    await new Promise<void>((resolve) => shop.listen(0, '127.0.0.1', resolve));
    try {
      const visitor = await (await browser.newContext()).newPage();
      await visitor.goto(`http://127.0.0.1:${(shop.address() as AddressInfo).port}/pricing?utm_source=newsletter&utm_medium=email`);
      await visitor.locator('input[name=email]').fill('snippet.visitor@hotel.example');
      await visitor.locator('input[name=first_name]').fill('Sam');
      await visitor.locator('input[name=password]').fill('never-sent');
      await visitor.getByRole('button', { name: 'Send' }).click();
      let lead: { id: string } | undefined;
      for (let attempt = 0; attempt < 50 && !lead; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        lead = ((await (await page.request.get(`${api}/leads?q=snippet.visitor`)).json()) as { items: { id: string }[] }).items[0];
      }
      expect(lead).toBeDefined();
      const detail = await (await page.request.get(`${api}/leads/${lead!.id}`)).json();
      expect(detail.lead).toMatchObject({ firstName: 'Sam', source: 'newsletter', channel: 'email' });
      const types = detail.timeline.filter((e: { kind: string }) => e.kind === 'touchpoint').map((e: { type: string }) => e.type).sort();
      expect(types).toEqual(['form_submit', 'page_view']);
      expect(JSON.stringify(detail)).not.toContain('never-sent');
    } finally {
      shop.close();
    }
  });
});
