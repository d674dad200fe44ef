import { FACTOR_LABELS, TEAM_LABELS } from '../../../core/bridge/labels.ts';
import { revenueBridge, TEAMS, type FactorEffect, type SegmentFactors } from '../../../core/bridge/revenue-bridge.ts';
import { rate } from '../../../core/funnel/metrics.ts';
import type { BridgeQuery } from '../../../core/schemas/attribution.ts';
import { parsePeriod, previousPeriod, type Period } from '../../../core/targets/periods.ts';
import type { ServiceContext } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { funnelFlows, workspaceCurrency, type GroupFlow } from './flows.service.ts';
import { targetOf, trailingRates } from './targets.service.ts';

/**
 * The revenue bridge from the data: a month or quarter against its target or the period before, per
 * channel, split into the seven levers by core's LMDI bridge. A channel's factors are the period's
 * flows (leads created, MQLs, SQLs, opportunities and won deals in the period, not a cohort): their
 * product is the channel's revenue of the period whenever each stage had a count. When a later stage
 * has counts and an earlier one none (deals won from leads of earlier periods, in a period without
 * new leads of that channel), the chain cannot carry that revenue: it is reported as `outsideFunnel`,
 * so the waterfall still ends at the actual revenue.
 *
 * Against a target, the base is the target's plan: each channel at its rates of the six months before
 * (the reverse funnel's), with lead volume scaled so that the plan's revenue is the target.
 */

/** A channel's seven factors from its flow; a rate without a base is null. */
function factorsOf(flow: GroupFlow): SegmentFactors {
  return {
    segment: flow.group ?? '(none)',
    leads: flow.leads,
    mqlRate: rate(flow.mqls, flow.leads),
    acceptanceRate: rate(flow.sqls, flow.mqls),
    opportunityRate: rate(flow.opportunities, flow.sqls),
    winRate: rate(flow.won, flow.opportunities),
    avgDealSize: rate(flow.listMinor, flow.won),
    discount: flow.listMinor > 0 ? 1 - flow.revenueMinor / flow.listMinor : null,
  };
}

/** The revenue a channel's chain of factors carries (0 when it breaks). */
function chainRevenue(f: SegmentFactors): number {
  return f.leads * (f.mqlRate ?? 0) * (f.acceptanceRate ?? 0) * (f.opportunityRate ?? 0) * (f.winRate ?? 0) * (f.avgDealSize ?? 0) * (1 - (f.discount ?? 0));
}

type Side = { label: string; from: string; to: string; revenueMinor: number; segments: SegmentFactors[] };

async function periodSide(ctx: ServiceContext, period: Period): Promise<Side> {
  const flows = await funnelFlows(ctx.db, ctx.workspaceId, period, 'channel');
  return { label: period.key, from: period.from, to: period.to, revenueMinor: flows.reduce((sum, f) => sum + f.revenueMinor, 0), segments: flows.map(factorsOf) };
}

/** The target's plan: the trailing months' channels and rates, lead volume scaled to reach the target. */
async function targetSide(ctx: ServiceContext, period: Period): Promise<Side> {
  const target = await targetOf(ctx.db, ctx.workspaceId, period);
  if (!target) throw new AppError('validation_failed', `period ${period.key} has no revenue target: set one, or compare with the previous period`, [{ field: 'period', message: `has no revenue target: set one, or use compare=previous` }]);
  const trailing = await trailingRates(ctx.db, ctx.workspaceId, period, ctx.now);
  const segments = (await funnelFlows(ctx.db, ctx.workspaceId, trailing, 'channel')).map(factorsOf);
  const planned = segments.reduce((sum, f) => sum + chainRevenue(f), 0);
  if (planned <= 0) {
    const message = `has no won revenue in the six months before (${trailing.from} to ${trailing.to}) to split the target into channels and levers: use compare=previous`;
    throw new AppError('validation_failed', `period ${message}`, [{ field: 'period', message }]);
  }
  const scale = target.amountMinor / planned;
  return { label: `Target ${period.key}`, from: trailing.from, to: trailing.to, revenueMinor: target.amountMinor, segments: segments.map((f) => ({ ...f, leads: f.leads * scale })) };
}

const labelled = (effects: FactorEffect[]) => effects.map((e) => ({ ...e, label: FACTOR_LABELS[e.factor] }));

/**
 * The bridge of a period: the waterfall from the base (target or previous period) to the actual
 * revenue, lever by lever in funnel order with the team owning it, per team, and per channel with
 * both periods' factors. Amounts in minor units, not rounded (the effects sum exactly to the gap).
 */
export async function revenueBridgeReport(ctx: ServiceContext, query: BridgeQuery) {
  const period = parsePeriod(query.period);
  const [current, base, currency] = await Promise.all([
    periodSide(ctx, period),
    query.compare === 'target' ? targetSide(ctx, period) : periodSide(ctx, previousPeriod(period)),
    workspaceCurrency(ctx.db, ctx.workspaceId),
  ]);
  const bridge = revenueBridge({ base: base.segments, current: current.segments });
  const sideFactors = (side: Side, segment: string) => side.segments.find((s) => s.segment === segment) ?? null;
  const outside = { base: base.revenueMinor - bridge.base, current: current.revenueMinor - bridge.current };
  return {
    period,
    compare: query.compare,
    currency,
    base: { label: base.label, from: base.from, to: base.to, revenueMinor: base.revenueMinor },
    current: { label: current.label, from: current.from, to: current.to, revenueMinor: current.revenueMinor },
    gap: current.revenueMinor - base.revenueMinor,
    explained: { base: bridge.base, current: bridge.current, gap: bridge.gap },
    outsideFunnel: { ...outside, change: outside.current - outside.base },
    effects: labelled(bridge.effects),
    teams: TEAMS.map((team) => ({ team, label: TEAM_LABELS[team], effect: bridge.teams[team] })),
    segments: bridge.segments.map((s) => ({ ...s, effects: labelled(s.effects), factors: { base: sideFactors(base, s.segment), current: sideFactors(current, s.segment) } })),
  };
}
