import { and, asc, desc, eq } from 'drizzle-orm';
import type { BriefingContent } from '../../../core/schemas/campaigns.ts';
import { actorUserId, can } from '../../../core/permissions.ts';
import type { Db } from '../../db/client.ts';
import { readAll } from '../../db/parallel.ts';
import type { ServiceContext } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { campaigns } from '../funnel/funnel.table.ts';
import { users } from '../identity/identity.table.ts';
import { notify } from '../notifications/notify.ts';
import { salesManagers } from '../sla/settings.service.ts';
import { briefingAcknowledgements, campaignBriefings } from './campaigns.table.ts';
import { briefedReps, evaluateGates, workspaceMembers } from './gate.service.ts';
import { briefingPath, campaignMessage } from './messages.ts';
import { assertDated, campaignRow, briefingContent, briefingKey, type CampaignRow } from './queries.ts';
import { loadCampaignSetup } from './settings.service.ts';

/** The sales briefing of a campaign: its content, published versions, and the reps' acknowledgements. */

async function currentBriefing(db: Db, workspaceId: string, id: string): Promise<{ content: BriefingContent; key: string }> {
  const [row] = await db.select({ content: briefingContent, key: briefingKey }).from(campaigns).where(and(eq(campaigns.workspaceId, workspaceId), eq(campaigns.id, id)));
  return row!;
}

async function publishedVersions(db: Db, workspaceId: string, id: string) {
  return db
    .select({ version: campaignBriefings.version, contentKey: campaignBriefings.contentKey, publishedAt: campaignBriefings.publishedAt, publishedBy: campaignBriefings.publishedBy, publishedByName: users.name })
    .from(campaignBriefings)
    .leftJoin(users, eq(users.id, campaignBriefings.publishedBy))
    .where(and(eq(campaignBriefings.workspaceId, workspaceId), eq(campaignBriefings.campaignId, id)))
    .orderBy(asc(campaignBriefings.version));
}

async function publishedContent(db: Db, workspaceId: string, id: string, version: number): Promise<BriefingContent> {
  const [row] = await db
    .select({ content: campaignBriefings.content })
    .from(campaignBriefings)
    .where(and(eq(campaignBriefings.workspaceId, workspaceId), eq(campaignBriefings.campaignId, id), eq(campaignBriefings.version, version)));
  return row!.content as BriefingContent;
}

/**
 * The briefing as the campaign stands, the latest published version (what the reps acknowledge),
 * whether it is still the campaign as it stands, the versions before, and every rep's acknowledgement.
 */
export async function getBriefing(ctx: ServiceContext, id: string) {
  const [found, current, versions] = await readAll(ctx.db, [
    () => evaluateGates(ctx.db, ctx.workspaceId, [id], { now: ctx.now }),
    () => currentBriefing(ctx.db, ctx.workspaceId, id),
    () => publishedVersions(ctx.db, ctx.workspaceId, id),
  ]);
  const row = found.campaigns.get(id);
  if (!row) throw notFound('Campaign');
  const campaign = assertDated(row);
  const latest = versions.at(-1);
  const { input, report } = found.gates.get(id)!;
  const briefing = report.conditions.briefing;
  return {
    campaignId: id,
    name: campaign.name,
    status: campaign.status,
    content: current.content,
    isCurrent: briefing.isCurrent,
    published: latest ? { ...latest, content: await publishedContent(ctx.db, ctx.workspaceId, id, latest.version) } : null,
    versions: versions.map(({ contentKey: _key, ...version }) => version),
    expected: briefing.expected,
    acknowledged: briefing.acknowledged,
    reps: input.reps.map((rep) => ({ ...rep, acknowledgement: input.acknowledgements.get(rep.userId) ?? null })),
  };
}

/** The reps a campaign briefs, and the sales managers: who hears of a new briefing. */
async function briefingAudience(tx: Db, workspaceId: string, campaign: CampaignRow): Promise<string[]> {
  const reps = briefedReps(campaign.repIds, await workspaceMembers(tx, workspaceId)).map((rep) => rep.userId);
  return [...reps, ...(await salesManagers(tx, workspaceId))];
}

/** Publishes the briefing as the campaign stands now, as the next version, and tells the reps and their managers. */
export async function publishBriefing(ctx: ServiceContext, id: string) {
  await ctx.db.transaction(async (tx) => {
    const campaign = assertDated(await campaignRow(tx, ctx.workspaceId, id));
    if (campaign.status === 'ended') throw new AppError('conflict', `"${campaign.name}" has ended: its briefing no longer changes.`);
    const current = await currentBriefing(tx, ctx.workspaceId, id);
    const versions = await publishedVersions(tx, ctx.workspaceId, id);
    const setup = await loadCampaignSetup(tx, ctx.workspaceId);
    const latest = versions.at(-1);
    if (latest?.contentKey === current.key) throw new AppError('conflict', `Briefing v${latest.version} already is the campaign as it stands: there is nothing new to publish.`);
    const version = (latest?.version ?? 0) + 1;
    await tx.insert(campaignBriefings).values({ workspaceId: ctx.workspaceId, campaignId: id, version, content: current.content, contentKey: current.key, publishedBy: actorUserId(ctx.actor), publishedAt: ctx.now });
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'campaign.briefing_publish', entityType: 'campaign', entityId: id, before: latest ? { version: latest.version } : null, after: { version } });
    const { content } = current;
    await notify(tx, {
      workspaceId: ctx.workspaceId,
      now: ctx.now,
      recipients: await briefingAudience(tx, ctx.workspaceId, campaign),
      message: campaignMessage('briefing_published', campaign, {
        title: `${version === 1 ? 'Sales briefing' : `Briefing v${version}`}: ${campaign.name}`,
        body: `${campaign.name} launches on ${content.launchOn}${content.announceOn ? ` (announced on ${content.announceOn})` : ''}. Read the offer, products and FAQ, then acknowledge the briefing.`,
        link: briefingPath(setup.slug, id),
      }, { version }),
    });
  });
  return getBriefing(ctx, id);
}

/** The rep acknowledged: the actor, or the rep a sales manager (or admin) acknowledges for. */
function acknowledgedRep(ctx: ServiceContext, userId: string | undefined): string {
  const actorId = actorUserId(ctx.actor);
  const repId = userId ?? actorId;
  if (!repId) throw new AppError('validation_failed', 'userId is required', [{ field: 'userId', message: 'is required' }]);
  if (repId !== actorId && !can(ctx.actor, 'sales.manage')) throw new AppError('forbidden', 'Only a sales manager acknowledges a briefing for another rep.');
  return repId;
}

/**
 * Records that a rep read the latest published briefing, by the rep or by a manager for them.
 * Acknowledging a version twice is refused with who acknowledged it and when.
 */
export async function acknowledgeBriefing(ctx: ServiceContext, id: string, input: { userId?: string | undefined }) {
  const repId = acknowledgedRep(ctx, input.userId);
  return ctx.db.transaction(async (tx) => {
    const campaign = await campaignRow(tx, ctx.workspaceId, id);
    if (campaign.status === 'ended') throw new AppError('conflict', `"${campaign.name}" has ended.`);
    const [latest] = await tx
      .select({ version: campaignBriefings.version })
      .from(campaignBriefings)
      .where(and(eq(campaignBriefings.workspaceId, ctx.workspaceId), eq(campaignBriefings.campaignId, id)))
      .orderBy(desc(campaignBriefings.version))
      .limit(1);
    if (!latest) throw new AppError('conflict', `"${campaign.name}" has no published briefing to acknowledge yet.`);
    const briefed = briefedReps(campaign.repIds, await workspaceMembers(tx, ctx.workspaceId));
    if (!briefed.some((rep) => rep.userId === repId)) {
      throw new AppError('validation_failed', 'userId is not one of the reps this campaign briefs', [{ field: 'userId', message: 'is not one of the reps this campaign briefs' }]);
    }
    const by = actorUserId(ctx.actor)!;
    const row = { workspaceId: ctx.workspaceId, campaignId: id, version: latest.version, userId: repId, acknowledgedBy: by, acknowledgedAt: ctx.now };
    const [saved] = await tx.insert(briefingAcknowledgements).values(row).onConflictDoNothing().returning();
    if (!saved) throw await alreadyAcknowledged(tx, row);
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'campaign.briefing_acknowledge', entityType: 'campaign', entityId: id, before: null, after: { version: latest.version, userId: repId } });
    return { campaignId: id, version: latest.version, userId: repId, acknowledgedBy: by, acknowledgedAt: ctx.now, isOnBehalf: by !== repId };
  });
}

async function alreadyAcknowledged(tx: Db, row: { workspaceId: string; campaignId: string; version: number; userId: string }): Promise<AppError> {
  const [existing] = await tx
    .select({ at: briefingAcknowledgements.acknowledgedAt, byName: users.name })
    .from(briefingAcknowledgements)
    .leftJoin(users, eq(users.id, briefingAcknowledgements.acknowledgedBy))
    .where(and(
      eq(briefingAcknowledgements.workspaceId, row.workspaceId),
      eq(briefingAcknowledgements.campaignId, row.campaignId),
      eq(briefingAcknowledgements.version, row.version),
      eq(briefingAcknowledgements.userId, row.userId),
    ));
  const when = existing ? ` by ${existing.byName ?? 'someone'} on ${existing.at.toISOString().slice(0, 10)}` : '';
  return new AppError('conflict', `Briefing v${row.version} is already acknowledged for this rep${when}.`);
}
