import { and, eq } from 'drizzle-orm';
import { campaignState } from '../../../core/readiness/gate.ts';
import { actorUserId } from '../../../core/permissions.ts';
import type { Db } from '../../db/client.ts';
import type { ServiceContext } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { campaigns } from '../funnel/funnel.table.ts';
import { evaluateGates, type GateFacts } from './gate.service.ts';
import { UNSCHEDULED } from './plans.service.ts';
import { assertDated, campaignRow, schedulingOf } from './queries.ts';

/** The launch gate of one campaign: its readiness, and the gated action, scheduling the launch. */

type Gated = { campaign: GateFacts['campaign'] & { startsOn: string; endsOn: string }; gate: GateFacts; today: string };

/** One campaign's gate, in one batch of reads; 404 for a campaign not in the workspace. */
async function gateOf(db: Db, ctx: ServiceContext, id: string): Promise<Gated> {
  const { campaigns: found, gates, today } = await evaluateGates(db, ctx.workspaceId, [id], { now: ctx.now });
  const row = found.get(id);
  if (!row) throw notFound('Campaign');
  return { campaign: assertDated(row), gate: gates.get(id)!, today };
}

/** Each condition of the launch gate with who did what and when, what blocks the launch, and how it was scheduled. */
export async function getReadiness(ctx: ServiceContext, id: string) {
  const { campaign, gate, today } = await gateOf(ctx.db, ctx, id);
  const { report } = gate;
  return {
    campaignId: campaign.id,
    name: campaign.name,
    status: campaign.status,
    state: campaignState({ status: campaign.status, launchOn: campaign.startsOn, isOverridden: campaign.overrideAt !== null }, today, report.ready),
    today,
    announceOn: campaign.announceOn,
    launchOn: campaign.startsOn,
    endOn: campaign.endsOn,
    ready: report.ready,
    conditions: report.conditions,
    blockers: report.blockers,
    ...schedulingOf(campaign),
  };
}

/** Only a draft whose launch day is still ahead can be scheduled. */
function assertSchedulable(campaign: Gated['campaign'], today: string): void {
  if (campaign.status === 'scheduled') {
    throw new AppError('conflict', `"${campaign.name}" is already scheduled${campaign.scheduledAt ? ` (since ${campaign.scheduledAt.toISOString().slice(0, 10)})` : ''}.`);
  }
  if (campaign.status !== 'draft') throw new AppError('conflict', `"${campaign.name}" is ${campaign.status}; only a draft can be scheduled.`);
  if (campaign.startsOn < today) throw new AppError('conflict', `The launch day of "${campaign.name}" (${campaign.startsOn}) has passed: move it in the plan first.`);
}

async function markScheduled(tx: Db, ctx: ServiceContext, id: string, override: { reason: string; blockers: GateFacts['report']['blockers'] } | null): Promise<void> {
  const by = actorUserId(ctx.actor);
  await tx
    .update(campaigns)
    .set({
      status: 'scheduled',
      scheduledAt: ctx.now,
      scheduledBy: by,
      overrideAt: override ? ctx.now : null,
      overrideBy: override ? by : null,
      overrideReason: override?.reason ?? null,
      overrideBlockers: override?.blockers ?? null,
      updatedAt: ctx.now,
    })
    .where(and(eq(campaigns.workspaceId, ctx.workspaceId), eq(campaigns.id, id)));
}

/** Schedules the launch when the gate lets it through; else 409 with every blocking condition in the details. */
export async function scheduleLaunch(ctx: ServiceContext, id: string) {
  await ctx.db.transaction(async (tx) => {
    const { campaign, gate, today } = await gateOf(tx, ctx, id);
    assertSchedulable(campaign, today);
    const { blockers } = gate.report;
    if (blockers.length > 0) {
      throw new AppError('conflict', `The launch of "${campaign.name}" is blocked. ${blockers.map((b) => b.message).join(' ')}`, blockers);
    }
    await markScheduled(tx, ctx, id, null);
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'campaign.schedule', entityType: 'campaign', entityId: id, before: { status: campaign.status }, after: { status: 'scheduled' } });
  });
  return getReadiness(ctx, id);
}

/**
 * An admin schedules a launch the gate blocks, saying why: the reason and what blocked it are
 * kept on the campaign and in the audit log. A ready campaign needs no override.
 */
export async function overrideLaunch(ctx: ServiceContext, id: string, reason: string) {
  await ctx.db.transaction(async (tx) => {
    const { campaign, gate, today } = await gateOf(tx, ctx, id);
    assertSchedulable(campaign, today);
    const { blockers } = gate.report;
    if (blockers.length === 0) throw new AppError('conflict', `"${campaign.name}" is ready: schedule it, there is nothing to override.`);
    await markScheduled(tx, ctx, id, { reason, blockers });
    await recordAudit(tx, { ...ctx, db: tx }, {
      action: 'campaign.launch_override',
      entityType: 'campaign',
      entityId: id,
      before: { status: campaign.status },
      after: { status: 'scheduled', reason, blockers },
    });
  });
  return getReadiness(ctx, id);
}

/** Takes a scheduled launch back to draft (to change the plan, or to stop it). */
export async function unscheduleLaunch(ctx: ServiceContext, id: string) {
  await ctx.db.transaction(async (tx) => {
    const campaign = await campaignRow(tx, ctx.workspaceId, id);
    if (campaign.status !== 'scheduled') throw new AppError('conflict', `"${campaign.name}" is ${campaign.status}, not scheduled.`);
    await tx
      .update(campaigns)
      .set({ ...UNSCHEDULED, updatedAt: ctx.now })
      .where(and(eq(campaigns.workspaceId, ctx.workspaceId), eq(campaigns.id, id)));
    await recordAudit(tx, { ...ctx, db: tx }, {
      action: 'campaign.unschedule',
      entityType: 'campaign',
      entityId: id,
      before: { status: 'scheduled', scheduledAt: campaign.scheduledAt, overrideReason: campaign.overrideReason },
      after: { status: 'draft' },
    });
  });
  return getReadiness(ctx, id);
}
