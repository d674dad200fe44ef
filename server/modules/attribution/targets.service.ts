import { and, desc, eq } from 'drizzle-orm';
import { actorUserId } from '../../../core/permissions.ts';
import type { TargetInput, TargetUpdate } from '../../../core/schemas/targets.ts';
import { parsePeriod, periodContaining, trailingWindow, type Period } from '../../../core/targets/periods.ts';
import { flowRates, reverseFunnel, type FunnelFlow, type PlanRates, type ReverseFunnel } from '../../../core/targets/reverse-funnel.ts';
import type { Db } from '../../db/client.ts';
import type { ServiceContext } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { revenueTargets } from './attribution.table.ts';
import { totalFlow, workspaceCurrency } from './flows.service.ts';

/** Shared revenue targets, one per month or quarter, and the period scorecard: the target, its reverse funnel, the actuals. */

export type TargetRow = typeof revenueTargets.$inferSelect;

export async function listTargets(ctx: ServiceContext): Promise<TargetRow[]> {
  return ctx.db.select().from(revenueTargets).where(eq(revenueTargets.workspaceId, ctx.workspaceId)).orderBy(desc(revenueTargets.startsOn), revenueTargets.periodKind);
}

/** The target of exactly this month or quarter, if one was set. */
export async function targetOf(db: Db, workspaceId: string, period: Period): Promise<TargetRow | null> {
  const [row] = await db.select().from(revenueTargets).where(and(eq(revenueTargets.workspaceId, workspaceId), eq(revenueTargets.period, period.key)));
  return row ?? null;
}

/** Sets the target of a period that has none (409 otherwise: change the existing one). */
export async function createTarget(ctx: ServiceContext, input: TargetInput): Promise<TargetRow> {
  const period = parsePeriod(input.period);
  return ctx.db.transaction(async (tx) => {
    if (await targetOf(tx, ctx.workspaceId, period)) throw new AppError('conflict', `${period.key} already has a target; change that one.`);
    const by = actorUserId(ctx.actor);
    const [row] = await tx
      .insert(revenueTargets)
      .values({
        workspaceId: ctx.workspaceId, id: crypto.randomUUID(), periodKind: period.kind, period: period.key, startsOn: period.from,
        amountMinor: input.amountMinor, currency: input.currency, note: input.note ?? null, createdBy: by, updatedBy: by, createdAt: ctx.now, updatedAt: ctx.now,
      })
      .returning();
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'target.create', entityType: 'revenue_target', entityId: row!.id, before: null, after: row });
    return row!;
  });
}

/** Changes a target's amount (above 0), currency or note. */
export async function updateTarget(ctx: ServiceContext, id: string, input: TargetUpdate): Promise<TargetRow> {
  return ctx.db.transaction(async (tx) => {
    const where = and(eq(revenueTargets.workspaceId, ctx.workspaceId), eq(revenueTargets.id, id));
    const [before] = await tx.select().from(revenueTargets).where(where);
    if (!before) throw notFound('Revenue target');
    const changes = {
      amountMinor: input.amountMinor,
      currency: input.currency ?? before.currency,
      note: input.note === undefined ? before.note : input.note,
      updatedBy: actorUserId(ctx.actor),
      updatedAt: ctx.now,
    };
    const [after] = await tx.update(revenueTargets).set(changes).where(where).returning();
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'target.update', entityType: 'revenue_target', entityId: id, before, after });
    return after!;
  });
}

/** The current rates: the trailing months' flow, its rates and revenue per won deal. */
export async function trailingRates(db: Db, workspaceId: string, period: Period, now: Date): Promise<{ from: string; to: string; flow: FunnelFlow; rates: PlanRates; avgDealMinor: number | null }> {
  const window = trailingWindow(period, now);
  const flow = await totalFlow(db, workspaceId, window);
  return { ...window, flow, ...flowRates(flow) };
}

export type Scorecard = {
  period: Period;
  currency: string;
  target: TargetRow | null;
  /** The period so far: leads created, MQLs, SQLs, opportunities (deals created), won deals, revenue, list amount. */
  actual: FunnelFlow;
  trailing: Awaited<ReturnType<typeof trailingRates>>;
  /** The reverse funnel of the target, with progress; null without a target. */
  plan: ReverseFunnel | null;
  /** The same period for the endpoints a dashboard shows beside it (/funnel, /sla/ledger with `to` included, /attribution). */
  links: { funnel: { from: string; to: string }; ledger: { from: string; to: string }; attribution: { from: string; to: string }; bridge: { period: string } };
};

/**
 * The shared scorecard of a month or quarter (default: this quarter): its target, the funnel it takes
 * at the rates of the six months before (reverse funnel), and the period's actuals against it.
 */
export async function periodScorecard(ctx: ServiceContext, periodKey: string | undefined): Promise<Scorecard> {
  const period = periodKey ? parsePeriod(periodKey) : periodContaining('quarter', ctx.now);
  const [target, actual, trailing, currency] = await Promise.all([
    targetOf(ctx.db, ctx.workspaceId, period),
    totalFlow(ctx.db, ctx.workspaceId, period),
    trailingRates(ctx.db, ctx.workspaceId, period, ctx.now),
    workspaceCurrency(ctx.db, ctx.workspaceId),
  ]);
  const lastDay = new Date(Date.parse(`${period.to}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return {
    period,
    currency: target?.currency ?? currency,
    target,
    actual,
    trailing,
    plan: target ? reverseFunnel({ targetMinor: target.amountMinor, rates: trailing.rates, avgDealMinor: trailing.avgDealMinor, actual }) : null,
    links: {
      funnel: { from: period.from, to: period.to },
      ledger: { from: period.from, to: lastDay },
      attribution: { from: period.from, to: period.to },
      bridge: { period: period.key },
    },
  };
}
