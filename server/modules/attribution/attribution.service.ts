import { attributePaths, ATTRIBUTION_MODELS, type AttributionModel, type ModelOutcome } from '../../../core/attribution/attribute.ts';
import { conversionJourney, sourcedAndInfluenced, withinLookback, type DealConversion, type DealTouch, type SourcedInfluenced } from '../../../core/attribution/deal-journeys.ts';
import { costPer, returnOnSpend, spendInPeriod } from '../../../core/attribution/economics.ts';
import { journeysToPaths, NO_CAMPAIGN, type AttributionUnit, type Journey } from '../../../core/attribution/journeys.ts';
import type { AttributionReportDto, AttributionRow, CampaignEconomics, CreditDto, Measure, MeasureReport, RulesInForce, TallyDto } from '../../../core/attribution/report.ts';
import type { AttributionQuery } from '../../../core/schemas/attribution.ts';
import { rate } from '../../../core/funnel/metrics.ts';
import type { ServiceContext } from '../../http/context.ts';
import { rulesInForce } from './credit-policy.service.ts';
import { funnelFlows, type DayWindow } from './flows.service.ts';
import { loadAttributionData, loadCampaigns, type CampaignInfo, type NullJourneys } from './journeys.service.ts';
import { getAttributionSettings } from './settings.service.ts';

/**
 * Attribution in the workspace: pipeline (deals created in the period, at their amount) and revenue
 * (deals won in the period) credited to channels or campaigns by every model side by side, with the
 * sourced and influenced tallies, and per campaign its spend, cost per MQL, SQL and won customer and
 * its return under each model. Money is in minor units (credited values rounded to whole ones).
 */

const ZERO: TallyDto = { count: 0, valueMinor: 0 };

function perModel<T>(value: (model: AttributionModel) => T): Record<AttributionModel, T> {
  return Object.fromEntries(ATTRIBUTION_MODELS.map((model) => [model, value(model)])) as Record<AttributionModel, T>;
}

/** Each model's credit by label; a skipped model has none. */
function creditsByLabel(models: ModelOutcome[], channels: string[]) {
  const byModel = new Map<AttributionModel, Map<string, CreditDto>>();
  const skipped: Partial<Record<AttributionModel, string>> = {};
  for (const outcome of models) {
    if ('skipped' in outcome) {
      skipped[outcome.model] = outcome.skipped;
      continue;
    }
    byModel.set(outcome.model, new Map(outcome.credits.map((c, i) => [channels[i]!, { conversions: c.conversions, valueMinor: Math.round(c.value) }])));
  }
  return { byModel, skipped };
}

function tally(t: SourcedInfluenced | undefined, kind: keyof SourcedInfluenced): TallyDto {
  return t ? { count: t[kind].count, valueMinor: t[kind].value } : ZERO;
}

type Labeller = (label: string) => { key: string | null; name: string };

/** One measure: journeys to paths, every model, the tallies, one row per channel or campaign. */
function measureReport(conversions: DealConversion[], nulls: NullJourneys, converting: Set<string>, context: { unit: AttributionUnit; lookbackDays: number; policy: RulesInForce; label: Labeller }): MeasureReport {
  const windowed = conversions.map((conversion) => withinLookback(conversion, context.lookbackDays));
  const nullTouches: (readonly DealTouch[])[] = nulls.leadIds.flatMap((leadId, i) => (converting.has(leadId) ? [] : [nulls.touches[i]!]));
  const journeys: Journey[] = [...windowed.map(conversionJourney), ...nullTouches.map((touches) => ({ touches, convertedAt: null }))];
  const paths = journeysToPaths(journeys, context.unit);
  for (let i = windowed.length; i < paths.length; i++) paths[i]!.nulls = nulls.weight;
  const report = attributePaths(paths);
  const { byModel, skipped } = creditsByLabel(report.models, report.channels);
  const tallies = sourcedAndInfluenced(windowed, context.unit, context.policy.rules.sourcedBy);
  const labels = [...new Set([...report.channels, ...tallies.keys()])];
  const rows = labels.map((label): AttributionRow => ({
    ...context.label(label),
    credits: perModel((model) => (skipped[model] ? null : (byModel.get(model)?.get(label) ?? { conversions: 0, valueMinor: 0 }))),
    sourced: tally(tallies.get(label), 'sourced'),
    influenced: tally(tallies.get(label), 'influenced'),
  }));
  const order = context.policy.settlingModel ?? 'linear';
  rows.sort((a, b) => (b.credits[order]?.valueMinor ?? 0) - (a.credits[order]?.valueMinor ?? 0) || b.sourced.valueMinor - a.sourced.valueMinor || a.name.localeCompare(b.name));
  return {
    conversions: conversions.length,
    valueMinor: conversions.reduce((sum, c) => sum + c.value, 0),
    unattributed: { conversions: report.unattributed.conversions, valueMinor: report.unattributed.value },
    nonConverting: nullTouches.length * nulls.weight,
    skipped,
    rows,
  };
}

function labeller(unit: AttributionUnit, campaigns: Map<string, CampaignInfo>): Labeller {
  if (unit === 'channel') return (label) => ({ key: label, name: label });
  return (label) => (label === NO_CAMPAIGN ? { key: null, name: NO_CAMPAIGN } : { key: label, name: campaigns.get(label)?.name ?? label });
}

/** The campaigns running in the period (or undated), or with spend, leads or credit in it, with their economics; the most spent first. */
async function campaignEconomics(ctx: ServiceContext, window: DayWindow, campaigns: Map<string, CampaignInfo>, measures: Record<Measure, MeasureReport>): Promise<CampaignEconomics[]> {
  const flows = new Map((await funnelFlows(ctx.db, ctx.workspaceId, window, 'campaign')).map((flow) => [flow.group, flow]));
  const rowsOf = (measure: Measure) => new Map(measures[measure].rows.filter((row) => row.key !== null).map((row) => [row.key!, row]));
  const pipeline = rowsOf('pipeline');
  const revenue = rowsOf('revenue');
  const economics = [...campaigns.values()].map((campaign): CampaignEconomics => {
    const spend = spendInPeriod(campaign.spendMinor ?? 0, campaign, window);
    const flow = flows.get(campaign.id);
    const leads = { leads: flow?.leads ?? 0, mqls: flow?.mqls ?? 0, sqls: flow?.sqls ?? 0, customers: flow?.customers ?? 0 };
    const credited = (measure: Measure, row: AttributionRow | undefined) => perModel((model) => (measures[measure].skipped[model] ? null : (row?.credits[model]?.valueMinor ?? 0)));
    const revenueCredit = credited('revenue', revenue.get(campaign.id));
    const cost = (count: number) => {
      const value = costPer(spend, count);
      return value === null ? null : Math.round(value);
    };
    return {
      ...campaign,
      spendInPeriodMinor: spend,
      budgetUsed: campaign.budgetMinor === null ? null : rate(campaign.spendMinor ?? 0, campaign.budgetMinor),
      ...leads,
      costPerMqlMinor: cost(leads.mqls),
      costPerSqlMinor: cost(leads.sqls),
      costPerCustomerMinor: cost(leads.customers),
      pipeline: { sourced: pipeline.get(campaign.id)?.sourced ?? ZERO, influenced: pipeline.get(campaign.id)?.influenced ?? ZERO, creditedMinor: credited('pipeline', pipeline.get(campaign.id)) },
      revenue: { sourced: revenue.get(campaign.id)?.sourced ?? ZERO, influenced: revenue.get(campaign.id)?.influenced ?? ZERO, creditedMinor: revenueCredit },
      roi: perModel((model) => (revenueCredit[model] === null ? null : returnOnSpend(revenueCredit[model]!, spend))),
    };
  });
  const runs = (c: CampaignInfo) => (!c.startsOn && !c.endsOn) || ((!c.startsOn || c.startsOn < window.to) && (!c.endsOn || c.endsOn >= window.from));
  return economics
    .filter((c) => runs(c) || c.spendInPeriodMinor > 0 || c.leads + c.mqls + c.sqls + c.customers > 0 || pipeline.has(c.id) || revenue.has(c.id))
    .sort((a, b) => b.spendInPeriodMinor - a.spendInPeriodMinor || a.name.localeCompare(b.name));
}

/** The most frequent currency among the deals, else the workspace's first campaign's, else EUR. */
function reportCurrency(currencies: Map<string, number>, campaigns: Map<string, CampaignInfo>): string {
  const [top] = [...currencies.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return top?.[0] ?? campaigns.values().next().value?.currency ?? 'EUR';
}

/**
 * Every model over the period's deals: each deal created (pipeline) or won (revenue) in the period is
 * one conversion of its amount, its journey the touches of its lead within the lookback window before
 * the deal's creation (pipeline) or close (revenue). Non-converting journeys are the touches in the period
 * of a sample of the leads (about MAX_NULL_JOURNEYS of them, by a hash of the id, each weighted to stand
 * for its share) that did not convert in that measure. A period without deals gives zero credit everywhere.
 */
export async function attributionReport(ctx: ServiceContext, query: AttributionQuery): Promise<AttributionReportDto> {
  const window = { from: query.from, to: query.to };
  const [settings, policy, campaigns] = await Promise.all([getAttributionSettings(ctx.db, ctx.workspaceId), rulesInForce(ctx.db, ctx.workspaceId), loadCampaigns(ctx.db, ctx.workspaceId)]);
  const lookbackDays = query.lookbackDays ?? settings.lookbackDays;
  const data = await loadAttributionData(ctx.db, ctx.workspaceId, { window, lookbackDays, influencedTypes: policy.rules.influencedTouchTypes, campaigns });
  const context = { unit: query.by, lookbackDays, policy, label: labeller(query.by, campaigns) };
  const measures = {
    pipeline: measureReport(data.pipeline, data.nulls, data.converting.pipeline, context),
    revenue: measureReport(data.revenue, data.nulls, data.converting.revenue, context),
  };
  return {
    from: query.from,
    to: query.to,
    by: query.by,
    lookbackDays,
    currency: reportCurrency(data.currencies, campaigns),
    currencies: Object.fromEntries(data.currencies),
    models: ATTRIBUTION_MODELS,
    policy,
    ...measures,
    sample: { sampled: data.nulls.leadIds.length, weight: data.nulls.weight, estimatedLeadsWithTouches: data.nulls.leadIds.length * data.nulls.weight },
    campaigns: query.by === 'campaign' ? await campaignEconomics(ctx, window, campaigns, measures) : null,
  };
}
