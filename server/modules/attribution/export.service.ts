import { ATTRIBUTION_MODELS } from '../../../core/attribution/attribute.ts';
import { toCsv, type CsvCell } from '../../../core/csv/export.ts';
import type { ServiceContext } from '../../http/context.ts';
import { MEASURES, type AttributionReportDto } from '../../../core/attribution/report.ts';
import { attributionReport } from './attribution.service.ts';
import type { AttributionQuery } from '../../../core/schemas/attribution.ts';

/**
 * The attribution report as CSV, safe to open in a spreadsheet (no cell runs as a formula): the
 * credits (one line per measure and channel or campaign, a pair of columns per model) or the campaign
 * economics. Amounts in major units (minor / 100) with the currency, as the deals export writes them.
 */

const major = (minor: number | null | undefined) => (minor === null || minor === undefined ? null : minor / 100);
/** Credited conversions to six decimals: 0.1 rather than 0.10000000000000002. */
const share = (conversions: number | null | undefined) => (conversions === null || conversions === undefined ? null : Math.round(conversions * 1e6) / 1e6);

/** The label of the line for conversions with no touch in the lookback window: no model credits them, so every model's column adds up to the total with it. */
export const NO_TOUCH_LINE = 'No touch in the lookback window';

function creditsCsv(report: AttributionReportDto): string {
  const header = [
    'measure', 'by', 'key', 'name', 'currency', 'sourced_count', 'sourced_amount', 'influenced_count', 'influenced_amount',
    ...ATTRIBUTION_MODELS.flatMap((model) => [`${model}_conversions`, `${model}_amount`]),
  ];
  const rows = MEASURES.flatMap((measure) => {
    const { rows: credited, unattributed } = report[measure];
    const lines = credited.map((row): CsvCell[] => [
      measure, report.by, row.key, row.name, report.currency,
      row.sourced.count, major(row.sourced.valueMinor), row.influenced.count, major(row.influenced.valueMinor),
      ...ATTRIBUTION_MODELS.flatMap((model) => [share(row.credits[model]?.conversions), major(row.credits[model]?.valueMinor)]),
    ]);
    if (unattributed.conversions === 0) return lines;
    const noTouch = ATTRIBUTION_MODELS.flatMap(() => [unattributed.conversions, major(unattributed.valueMinor)]);
    return [...lines, [measure, report.by, null, NO_TOUCH_LINE, report.currency, null, null, null, null, ...noTouch]];
  });
  return toCsv(header, rows);
}

function campaignsCsv(report: AttributionReportDto): string {
  const header = [
    'campaign_id', 'name', 'channel', 'currency', 'budget', 'spend', 'spend_in_period', 'leads', 'mqls', 'sqls', 'customers',
    'cost_per_mql', 'cost_per_sql', 'cost_per_customer', 'sourced_pipeline_count', 'sourced_pipeline_amount', 'influenced_pipeline_count',
    'influenced_pipeline_amount', 'sourced_revenue_count', 'sourced_revenue_amount', 'influenced_revenue_count', 'influenced_revenue_amount',
    ...ATTRIBUTION_MODELS.flatMap((model) => [`${model}_revenue`, `${model}_roi`]),
  ];
  const rows = (report.campaigns ?? []).map((c): CsvCell[] => [
    c.id, c.name, c.channel, c.currency, major(c.budgetMinor), major(c.spendMinor), major(c.spendInPeriodMinor), c.leads, c.mqls, c.sqls, c.customers,
    major(c.costPerMqlMinor), major(c.costPerSqlMinor), major(c.costPerCustomerMinor),
    c.pipeline.sourced.count, major(c.pipeline.sourced.valueMinor), c.pipeline.influenced.count, major(c.pipeline.influenced.valueMinor),
    c.revenue.sourced.count, major(c.revenue.sourced.valueMinor), c.revenue.influenced.count, major(c.revenue.influenced.valueMinor),
    ...ATTRIBUTION_MODELS.flatMap((model) => [major(c.revenue.creditedMinor[model]), c.roi[model]]),
  ]);
  return toCsv(header, rows);
}

/** The credits table, or the campaign table (which attributes by campaign whatever `by` says). */
export async function attributionCsv(ctx: ServiceContext, query: AttributionQuery & { table: 'credits' | 'campaigns' }): Promise<string> {
  const by = query.table === 'campaigns' ? 'campaign' : query.by;
  const report = await attributionReport(ctx, { ...query, by });
  return query.table === 'campaigns' ? campaignsCsv(report) : creditsCsv(report);
}
