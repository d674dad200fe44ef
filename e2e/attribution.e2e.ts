import fs from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodContaining } from '../core/targets/periods.ts';
import { launchBrowser, signInFirstAdmin, startAccord, type RunningAccord } from './support.ts';

let accord: RunningAccord;
let browser: Browser;
let page: Page;
let workspaceId: string;

const MODELS = ['First touch', 'Last touch', 'Linear', 'Time decay', 'U-shaped', 'W-shaped', 'Markov', 'Shapley'];
const MODEL_KEYS = ['first_touch', 'last_touch', 'linear', 'time_decay', 'u_shaped', 'w_shaped', 'markov', 'shapley'] as const;
/** This quarter, the attribution page's and the dashboard's default period (UTC days, `to` excluded). */
const QUARTER = periodContaining('quarter', new Date());

type Credit = { conversions: number; valueMinor: number } | null;
type Report = {
  lookbackDays: number;
  policy: { settlingModel: string | null };
  pipeline: { conversions: number; unattributed: { conversions: number }; rows: { name: string; credits: Record<string, Credit> }[] };
  revenue: { conversions: number; unattributed: { conversions: number }; rows: { name: string; credits: Record<string, Credit> }[] };
  campaigns: { name: string; spendInPeriodMinor: number; mqls: number }[] | null;
};
type Bridge = { current: { revenueMinor: number }; base: { revenueMinor: number }; segments: { segment: string }[] };

async function apiGet<T>(path: string): Promise<T> {
  const response = await page.request.get(`${accord.url}/api/v1/workspaces/${workspaceId}/${path}`);
  expect(response.ok(), `${path}: ${response.status()} ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

function attribution(by: 'channel' | 'campaign'): Promise<Report> {
  return apiGet<Report>(`attribution?from=${QUARTER.from}&to=${QUARTER.to}&by=${by}`);
}

/** "−€166,876" → -166876 (whole currency units, as the page shows them). */
function money(text: string): number {
  const digits = text.replace(/[^\d]/g, '');
  expect(digits, `no amount in "${text}"`).not.toBe('');
  return (/[−-]/.test(text) ? -1 : 1) * Number(digits);
}

/** A Mantine segmented control's option, clicked as a person clicks it. */
async function choose(label: string): Promise<void> {
  await page.locator('label').filter({ hasText: new RegExp(`^${label}$`) }).first().click();
}

/** The first rows of a credit table show each model's amount as the API credits it, in its order. */
async function expectCreditsMatch(table: Locator, rows: Report['pipeline']['rows']): Promise<void> {
  const shown = table.locator('tbody tr');
  await shown.first().waitFor();
  expect(await shown.count()).toBe(rows.length);
  for (const [index, row] of rows.slice(0, 3).entries()) {
    const cells = shown.nth(index).getByRole('cell');
    expect(await cells.nth(0).innerText()).toBe(row.name);
    for (const [column, model] of MODEL_KEYS.entries()) {
      const credit = row.credits[model]!;
      const text = await cells.nth(column + 1).innerText();
      expect(money(text.split('\n')[0]!), `${row.name} · ${model}`).toBe(Math.round(credit.valueMinor / 100));
    }
  }
}

beforeAll(async () => {
  accord = await startAccord();
  browser = await launchBrowser();
  ({ page, workspaceId } = await signInFirstAdmin(browser, accord, { width: 1280, height: 900 }));
});

afterAll(async () => {
  await browser?.close();
  await accord?.stop();
});

describe('attribution, the revenue bridge and the shared dashboard', () => {
  it('the dashboard shows the scorecard, the bridge, the funnel, the SLA ledger and attribution of this quarter', async () => {
    await page.getByRole('link', { name: 'Dashboard' }).first().click();
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    const scorecard = page.getByRole('region', { name: 'Shared scorecard' });
    await scorecard.getByText(/^Target Q\d \d{4}$/).waitFor();
    await page.getByRole('region', { name: 'Revenue bridge' }).getByRole('list', { name: 'Revenue bridge waterfall' }).waitFor();
    await page.getByRole('region', { name: 'The funnel' }).getByRole('list', { name: 'Funnel: leads reaching each stage' }).waitFor();
    await page.getByRole('region', { name: 'SLA ledger' }).getByText('Holds Sales to account').waitFor();
    const summary = page.getByRole('region', { name: 'Attribution' });
    const revenue = summary.getByRole('table', { name: 'Revenue credited by channel and model' });
    await revenue.waitFor();
    // Only the model the signed credit policy settles on, and its first channel's credit as the API has it.
    const report = await attribution('channel');
    expect(report.policy.settlingModel).toBe('w_shaped');
    const top = report.revenue.rows[0]!;
    const firstRow = revenue.locator('tbody tr').first().getByRole('cell');
    expect(await firstRow.nth(0).innerText()).toBe(top.name);
    expect(money((await firstRow.nth(1).innerText()).split('\n')[0]!)).toBe(Math.round(top.credits.w_shaped!.valueMinor / 100));
    await page.screenshot({ path: 'e2e/screenshots/dashboard.png', fullPage: true });

    await summary.getByRole('link', { name: /Every model/ }).click();
    await page.getByRole('heading', { name: 'Attribution', level: 1 }).waitFor();
    expect(new URL(page.url()).searchParams.get('measure')).toBe('revenue');
    expect(new URL(page.url()).searchParams.get('range')).toBe('custom');
  });

  it('the attribution page shows every model side by side, as the API credits them, for pipeline and revenue, channels and campaigns', async () => {
    await page.goto(`${accord.url}/w/demo/attribution`);
    const pipeline = page.getByRole('table', { name: 'Pipeline credited by channel and model' });
    await pipeline.waitFor();
    const headers = await pipeline.getByRole('columnheader').allInnerTexts();
    for (const model of MODELS) expect(headers.some((header) => header.startsWith(model)), model).toBe(true);
    await pipeline.getByRole('columnheader', { name: 'W-shaped (settles credit)' }).waitFor();

    const channels = await attribution('channel');
    expect(channels.pipeline.conversions).toBeGreaterThan(0);
    await expectCreditsMatch(pipeline, channels.pipeline.rows);
    await page.getByRole('table', { name: 'Pipeline sourced and influenced by channel' }).waitFor();

    await choose('Revenue');
    const revenue = page.getByRole('table', { name: 'Revenue credited by channel and model' });
    await revenue.waitFor();
    expect(new URL(page.url()).searchParams.get('measure')).toBe('revenue');
    await expectCreditsMatch(revenue, channels.revenue.rows);

    await choose('By campaign');
    const byCampaign = page.getByRole('table', { name: 'Revenue credited by campaign and model' });
    await byCampaign.waitFor();
    const campaigns = await attribution('campaign');
    await expectCreditsMatch(byCampaign, campaigns.revenue.rows);

    const economics = page.getByRole('table', { name: 'Campaign economics' });
    const most = campaigns.campaigns![0]!;
    const row = economics.locator('tbody tr').filter({ hasText: most.name });
    const cells = row.getByRole('cell');
    expect(money((await cells.nth(1).innerText()).split('\n')[0]!)).toBe(Math.round(most.spendInPeriodMinor / 100));
    expect(Number((await cells.nth(2).innerText()).split('\n')[0])).toBe(most.mqls);
    expect(await page.getByText(/NaN|Infinity/).count()).toBe(0);
    await page.screenshot({ path: 'e2e/screenshots/attribution-campaigns.png', fullPage: true });
  });

  it('a period without deals explains that there is nothing to credit', async () => {
    await page.goto(`${accord.url}/w/demo/attribution?range=custom&from=2001-01&to=2001-03`);
    await page.getByText(/^No opportunity was created from .*2001 to .*2001\.$/).waitFor();
    expect(await page.getByRole('table', { name: /credited by channel/ }).count()).toBe(0);
    expect(await page.getByText(/NaN|Infinity/).count()).toBe(0);
  });

  it('the dashboard compares with the period before when a target has no won revenue before it to split into levers', async () => {
    const created = await page.request.post(`${accord.url}/api/v1/workspaces/${workspaceId}/targets`, {
      data: { period: '2001-Q2', amountMinor: 50_000_000, currency: 'EUR' },
      headers: { origin: accord.url },
    });
    expect(created.status()).toBe(201);
    await page.goto(`${accord.url}/w/demo/dashboard?period=2001-Q2`);
    const bridge = page.getByRole('region', { name: 'Revenue bridge' });
    await bridge.getByText('The target cannot be split into levers yet').waitFor();
    await bridge.getByText(/Why revenue differs from the period before/).waitFor();
    await bridge.getByRole('list', { name: 'Revenue bridge waterfall' }).waitFor();
    expect(await bridge.getByText('Could not load this').count()).toBe(0);
    expect(await page.getByText(/NaN|Infinity/).count()).toBe(0);
    await page.screenshot({ path: 'e2e/screenshots/dashboard-target-unsplittable.png', fullPage: true });
  });

  it('a target manager changes the lookback window, and the credits follow it', async () => {
    await page.goto(`${accord.url}/w/demo/attribution`);
    await page.getByText('Lookback window: 90 days').waitFor();
    await page.getByLabel('Change the window (days)').fill('14');
    await page.getByRole('button', { name: 'Save window' }).click();
    await page.getByText('Lookback window: 14 days').waitFor();
    expect((await apiGet<{ lookbackDays: number }>('attribution/settings')).lookbackDays).toBe(14);

    const report = await attribution('channel');
    expect(report.lookbackDays).toBe(14);
    await page.getByText(/credited to the channels that touched their lead within 14 days before/).waitFor();
    await expectCreditsMatch(page.getByRole('table', { name: 'Pipeline credited by channel and model' }), report.pipeline.rows);
  });

  it('exports the credits as CSV', async () => {
    await page.goto(`${accord.url}/w/demo/attribution`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export credits CSV' }).click()]);
    expect(download.suggestedFilename()).toBe(`attribution-credits-${QUARTER.from}-${QUARTER.to}.csv`);
    const lines = fs.readFileSync((await download.path())!, 'utf8').trim().split(/\r?\n/);
    expect(lines[0]).toContain('w_shaped_amount');
    const report = await attribution('channel');
    // A line per channel and measure, and one for each measure's conversions without a touch in the lookback window.
    const noTouchLines = [report.pipeline, report.revenue].filter((measure) => measure.unattributed.conversions > 0).length;
    expect(lines.length).toBe(1 + report.pipeline.rows.length + report.revenue.rows.length + noTouchLines);
    expect(lines.some((line) => line.startsWith(`pipeline,channel,${report.pipeline.rows[0]!.name},`))).toBe(true);
    expect(lines.filter((line) => line.includes(',No touch in the lookback window,'))).toHaveLength(noTouchLines);
  });

  it('the revenue bridge walks from the base to the actual revenue, lever by lever, with each team', async () => {
    await page.getByRole('link', { name: 'Revenue bridge' }).first().click();
    const waterfall = page.getByRole('list', { name: 'Revenue bridge waterfall' });
    await waterfall.waitFor();
    const steps = await waterfall.getByRole('listitem').evaluateAll((items) => items.map((item) => item.getAttribute('aria-label')!));
    const [start, ...rest] = steps.map((step) => ({ label: step.slice(0, step.lastIndexOf(': ')), value: money(step.slice(step.lastIndexOf(': ') + 2)) }));
    const end = rest.pop()!;
    expect(rest.slice(0, 7).map((step) => step.label)).toEqual([
      'Lead volume',
      'Lead quality (MQL rate)',
      'Follow-up (MQLs accepted as SQLs)',
      'Opportunity rate',
      'Win rate',
      'Deal size (list)',
      'Discount',
    ]);
    // Each amount is rounded to whole units on screen: the sum may be off by half a unit per step.
    const sum = start!.value + rest.reduce((total, step) => total + step.value, 0);
    expect(Math.abs(sum - end.value)).toBeLessThanOrEqual(rest.length);
    const bridge = await apiGet<Bridge>(`bridge?period=${QUARTER.key}&compare=previous`);
    expect(end.value).toBe(Math.round(bridge.current.revenueMinor / 100));
    expect(start!.value).toBe(Math.round(bridge.base.revenueMinor / 100));
    await waterfall.getByRole('listitem', { name: /^Lead volume/ }).getByText('Marketing').waitFor();
    await waterfall.getByRole('listitem', { name: /^Win rate/ }).getByText('Sales').waitFor();
    await waterfall.getByRole('listitem', { name: /^Follow-up/ }).getByText('Both teams').waitFor();

    const channel = bridge.segments[0]!.segment;
    const drill = page.getByRole('table', { name: 'Revenue bridge by channel' });
    await drill.getByRole('button', { name: `Show the levers of ${channel}`, exact: true }).click();
    const levers = page.getByRole('table', { name: `Levers of ${channel}` });
    await levers.waitFor();
    expect(await levers.locator('tbody tr').count()).toBe(7);
    await page.screenshot({ path: 'e2e/screenshots/revenue-bridge.png', fullPage: true });
    await drill.getByRole('button', { name: `Hide the levers of ${channel}`, exact: true }).click();
    await levers.waitFor({ state: 'detached' });
  });

  it('against the target, the bridge starts at the target; a month without one says so and offers the period before', async () => {
    await choose('Target');
    await page.getByRole('listitem', { name: new RegExp(`^Target Q${QUARTER.key.slice(-1)} `) }).waitFor();
    expect(new URL(page.url()).searchParams.get('compare')).toBe('target');

    await choose('Month');
    const alert = page.getByRole('alert').filter({ hasText: 'No bridge against the target' });
    await alert.getByText(/has no revenue target/).waitFor();
    await alert.getByRole('button', { name: 'Compare with the period before' }).click();
    await page.getByRole('list', { name: 'Revenue bridge waterfall' }).waitFor();
    expect(new URL(page.url()).searchParams.get('compare')).toBeNull();
  });
});
