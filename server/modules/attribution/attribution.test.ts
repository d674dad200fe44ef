import { Command } from 'commander';
import { expect, it, vi } from 'vitest';
import { registerAttributionCommands } from '../../../cli/commands/attribution.ts';
import { ATTRIBUTION_MODELS } from '../../../core/attribution/attribute.ts';
import { describeOnEngines } from '../../testing/harness.ts';
import { NO_TOUCH_LINE } from './export.service.ts';
import { expectStatus, seedJanuary, workspaceWithRoles } from './fixtures.ts';

const JANUARY = 'from=2026-01-01&to=2026-02-01';

type Row = { key: string | null; name: string; credits: Record<string, { conversions: number; valueMinor: number } | null>; sourced: { count: number; valueMinor: number }; influenced: { count: number; valueMinor: number } };
type Measure = { conversions: number; valueMinor: number; unattributed: { conversions: number; valueMinor: number }; nonConverting: number; rows: Row[] };

const byName = (measure: Measure) => Object.fromEntries(measure.rows.map((row) => [row.name, row]));
const credit = (measure: Measure, name: string, model: string) => byName(measure)[name]?.credits[model];

describeOnEngines('attribution in the workspace', (h) => {
  it('credits pipeline and revenue to channels by every model, with sourced and influenced beside', async () => {
    const t = await workspaceWithRoles(h, ['marketing', 'sales_rep']);
    await seedJanuary(t.as('admin'));
    const report = await expectStatus(t.as('sales_rep')('GET', `attribution?${JANUARY}`), 200);
    expect(report).toMatchObject({ by: 'channel', lookbackDays: 90, currency: 'EUR', models: [...ATTRIBUTION_MODELS], policy: { version: null, settlingModel: null } });

    const pipeline = report.pipeline as Measure;
    expect(pipeline).toMatchObject({ conversions: 3, valueMinor: 170_000, unattributed: { conversions: 1, valueMinor: 20_000 }, nonConverting: 1 });
    for (const model of ATTRIBUTION_MODELS) {
      const credited = pipeline.rows.map((row) => row.credits[model]!);
      expect(credited.reduce((sum, c) => sum + c.conversions, 0), model).toBeCloseTo(2, 9);
      expect(Math.abs(credited.reduce((sum, c) => sum + c.valueMinor, 0) - 150_000), model).toBeLessThanOrEqual(credited.length);
    }
    expect(credit(pipeline, 'paid_search', 'first_touch')).toEqual({ conversions: 1, valueMinor: 100_000 });
    expect(credit(pipeline, 'webinar', 'last_touch')).toEqual({ conversions: 1, valueMinor: 100_000 });
    expect(credit(pipeline, 'referral', 'linear')).toEqual({ conversions: 1, valueMinor: 50_000 });
    expect(credit(pipeline, 'organic_search', 'linear')!.valueMinor).toBe(33_333);
    // W-shaped: Ada became a lead nearest her ad click, and her deal opened nearest the webinar: 30/30/30, 10 for the guide.
    expect(credit(pipeline, 'organic_search', 'w_shaped')!.valueMinor).toBe(10_000);
    expect(byName(pipeline).paid_search).toMatchObject({ sourced: { count: 1, valueMinor: 100_000 }, influenced: { count: 1, valueMinor: 100_000 } });
    expect(byName(pipeline)['direct/unknown']).toMatchObject({ sourced: { count: 1, valueMinor: 20_000 }, influenced: { count: 0, valueMinor: 0 } });
    expect(pipeline.rows.reduce((sum, row) => sum + row.sourced.count, 0)).toBe(3);

    const revenue = report.revenue as Measure;
    expect(revenue).toMatchObject({ conversions: 2, valueMinor: 120_000, unattributed: { conversions: 1, valueMinor: 20_000 }, nonConverting: 2 });
    expect(credit(revenue, 'referral', 'first_touch')).toEqual({ conversions: 0, valueMinor: 0 });
    expect(report.campaigns).toBeNull();
  });

  it('credits campaigns and gives each its spend in the period, costs per stage and return per model', async () => {
    const t = await workspaceWithRoles(h, []);
    const seeded = await seedJanuary(t.as('admin'));
    const report = await expectStatus(t.as('admin')('GET', `attribution?${JANUARY}&by=campaign`), 200);
    const pipeline = report.pipeline as Measure;
    expect(byName(pipeline)['Search ads']).toMatchObject({ key: seeded.ads.id, credits: { first_touch: { conversions: 1, valueMinor: 100_000 } } });
    expect(byName(pipeline)['(no campaign)']).toMatchObject({ key: null, credits: { first_touch: { conversions: 1, valueMinor: 50_000 } } });
    expect(byName(pipeline).Webinar!.influenced).toEqual({ count: 1, valueMinor: 100_000 });

    type Economics = { name: string; roi: Record<string, number | null> };
    const campaigns: Record<string, Economics> = Object.fromEntries((report.campaigns as Economics[]).map((c) => [c.name, c]));
    expect(campaigns['Search ads']).toMatchObject({ spendMinor: 62_000, spendInPeriodMinor: 62_000, budgetUsed: 0.62, leads: 1, customers: 1, costPerCustomerMinor: 62_000 });
    expect(campaigns['Search ads']!.roi.first_touch).toBeCloseTo((100_000 - 62_000) / 62_000, 12);
    expect(campaigns['Search ads']!.roi.last_touch).toBe(-1);
    expect(campaigns.Webinar).toMatchObject({ spendInPeriodMinor: 0, costPerMqlMinor: null, costPerCustomerMinor: null, budgetUsed: null });
    expect(Object.values(campaigns.Webinar!.roi).every((roi) => roi === null)).toBe(true);
  });

  it('gives zero credit and no return for a period without deals, never NaN', async () => {
    const t = await workspaceWithRoles(h, []);
    await seedJanuary(t.as('admin'));
    const report = await expectStatus(t.as('admin')('GET', 'attribution?from=2025-06-01&to=2025-07-01&by=campaign'), 200);
    for (const measure of [report.pipeline, report.revenue] as Measure[]) {
      expect(measure).toMatchObject({ conversions: 0, valueMinor: 0, unattributed: { conversions: 0, valueMinor: 0 }, nonConverting: 0, rows: [] });
    }
    expect(report.campaigns.map((c: { name: string }) => c.name)).toEqual(['Webinar']);
    expect(report.campaigns[0].roi).toEqual(Object.fromEntries(ATTRIBUTION_MODELS.map((model) => [model, null])));
    expect(report.campaigns[0].revenue.creditedMinor).toEqual(Object.fromEntries(ATTRIBUTION_MODELS.map((model) => [model, 0])));
  });

  it('keeps a lookback window per workspace: 1 to 365 days, set by the teams’ leads', async () => {
    const t = await workspaceWithRoles(h, ['marketing_lead', 'sales_rep']);
    await seedJanuary(t.as('admin'));
    expect(await expectStatus(t.as('sales_rep')('GET', 'attribution/settings'), 200)).toMatchObject({ lookbackDays: 90, isDefault: true });
    for (const lookbackDays of [0, 366, 2.5, 'soon']) {
      const refused = await expectStatus(t.as('marketing_lead')('PUT', 'attribution/settings', { lookbackDays }), 400);
      expect(refused.error.details[0].field).toBe('lookbackDays');
    }
    await expectStatus(t.as('sales_rep')('PUT', 'attribution/settings', { lookbackDays: 30 }), 403);
    expect(await expectStatus(t.as('marketing_lead')('PUT', 'attribution/settings', { lookbackDays: 5 }), 200)).toMatchObject({ lookbackDays: 5, isDefault: false, updatedBy: t.userOf('marketing_lead') });

    const short = await expectStatus(t.as('sales_rep')('GET', `attribution?${JANUARY}`), 200);
    expect(short.lookbackDays).toBe(5);
    expect(short.revenue.unattributed).toEqual({ conversions: 2, valueMinor: 120_000 });
    expect(credit(short.pipeline, 'organic_search', 'first_touch')).toEqual({ conversions: 1, valueMinor: 100_000 });
    const wide = await expectStatus(t.as('sales_rep')('GET', `attribution?${JANUARY}&lookbackDays=90`), 200);
    expect(wide.revenue.unattributed.conversions).toBe(1);
    const backwards = await expectStatus(t.as('sales_rep')('GET', 'attribution?from=2026-02-01&to=2026-01-01'), 400);
    expect(backwards.error.details).toEqual([{ field: 'to', message: 'must be after from' }]);
    const unit = await expectStatus(t.as('sales_rep')('GET', `attribution?${JANUARY}&by=region`), 400);
    expect(unit.error.details).toEqual([{ field: 'by', message: 'must be one of: channel, campaign' }]);
  });

  it('exports the credits and the campaign table as spreadsheet-safe CSV', async () => {
    const t = await workspaceWithRoles(h, ['marketing', 'sales_rep']);
    await seedJanuary(t.as('admin'));
    await expectStatus(t.as('admin')('POST', 'campaigns', { name: '=HYPERLINK("http://evil.example","win")', channel: '+cmd', spendMinor: 1000 }), 201);
    const credits = await t.as('marketing')('GET', `attribution/export.csv?${JANUARY}`);
    expect(credits.statusCode).toBe(200);
    expect(credits.headers['content-type']).toContain('text/csv');
    const lines = credits.body.trim().split('\r\n');
    expect(lines[0]).toBe(['measure', 'by', 'key', 'name', 'currency', 'sourced_count', 'sourced_amount', 'influenced_count', 'influenced_amount', ...ATTRIBUTION_MODELS.flatMap((m) => [`${m}_conversions`, `${m}_amount`])].join(','));
    expect(lines[1]).toBe('pipeline,channel,referral,referral,EUR,1,500,1,500,1,500,1,500,1,500,1,500,1,500,1,500,0.571429,250,1,500');
    expect(lines).toContain('pipeline,channel,organic_search,organic_search,EUR,0,0,1,1000,0,0,0,0,0.333333,333.33,0.360873,360.87,0.2,200,0.1,100,0.571429,500,0.333333,333.33');
    const { unattributed } = (await expectStatus(t.as('marketing')('GET', `attribution?${JANUARY}`), 200)).revenue;
    expect(unattributed.conversions).toBe(1);
    const noTouch = ATTRIBUTION_MODELS.map(() => `${unattributed.conversions},${unattributed.valueMinor / 100}`).join(',');
    expect(lines).toContain(`revenue,channel,,${NO_TOUCH_LINE},EUR,,,,,${noTouch}`);

    const table = await t.as('marketing')('GET', `attribution/export.csv?${JANUARY}&table=campaigns`);
    expect(table.body).toContain(`"'=HYPERLINK(""http://evil.example"",""win"")",'+cmd,EUR,,10,10,`);
    expect(table.body).toMatch(/Search ads,paid_search,EUR,1000,620,620,1,/);
    await expectStatus(t.as('sales_rep')('GET', `attribution/export.csv?${JANUARY}`), 403);
  });

  it('attributes the workspace from the command line, next to attribute paths', async () => {
    const t = await workspaceWithRoles(h, []);
    await seedJanuary(t.as('admin'));
    const program = new Command('accord').option('--workspace <slug>').exitOverride();
    registerAttributionCommands(program, { config: () => h.config, withDatabase: (_config, work) => work(h.db), workspaceSlug: () => t.workspace.slug });
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const table = vi.spyOn(console, 'table').mockImplementation(() => undefined);
    try {
      await program.parseAsync(['attribute', '--from', '2026-01-01', '--to', '2026-02-01', '--json'], { from: 'user' });
      expect(JSON.parse(log.mock.calls[0]![0] as string)).toMatchObject({ pipeline: { conversions: 3 }, revenue: { conversions: 2 } });
      log.mockClear();
      await program.parseAsync(['attribute', 'workspace', '--from', '2026-01-01', '--to', '2026-02-01', '--by', 'campaign'], { from: 'user' });
      expect(log.mock.calls.map((call) => String(call[0])).join('\n')).toMatch(/Pipeline \(deals created\): 3 deals worth 1700/);
      expect(table.mock.calls.at(-1)![0]).toEqual(expect.arrayContaining([expect.objectContaining({ campaign: 'Search ads', spend: 620 })]));
      await expect(program.parseAsync(['attribute', '--from', '2026-02-01', '--to', '2026-01-01'], { from: 'user' })).rejects.toThrow('--to must be after from');
      await expect(program.parseAsync(['attribute', '--from', '2026-01-01', '--to', '2026-02-01', '--lookback', '400'], { from: 'user' })).rejects.toThrow('--lookback must be between 1 and 365 days');
    } finally {
      log.mockRestore();
      table.mockRestore();
    }
  });
});
