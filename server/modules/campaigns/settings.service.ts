import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { actorUserId } from '../../../core/permissions.ts';
import { DEFAULT_CAMPAIGN_SETTINGS, type CampaignSettings } from '../../../core/schemas/campaigns.ts';
import { localDay } from '../../../core/sla/business-time.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { preparedOnce } from '../../db/prepared.ts';
import type { ServiceContext } from '../../http/context.ts';
import { notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { workspaces } from '../workspaces/workspaces.table.ts';
import { campaignSettings } from './campaigns.table.ts';

/** What the campaign services need of a workspace: its launch policy (defaults filled in), its zone and names. */
export type CampaignSetup = {
  workspaceName: string;
  slug: string;
  timeZone: string;
  policy: CampaignSettings;
  isDefault: boolean;
  feedSecret: string | null;
  feedRotatedAt: Date | null;
  updatedAt: Date | null;
  updatedBy: string | null;
};

/** Prepared: every launch gate and calendar reads it. */
const setupRow = preparedOnce((db) =>
  db
    .select({ name: workspaces.name, slug: workspaces.slug, timeZone: workspaces.timeZone, settings: campaignSettings })
    .from(workspaces)
    .leftJoin(campaignSettings, eq(campaignSettings.workspaceId, workspaces.id))
    .where(eq(workspaces.id, sql.placeholder('workspaceId')))
    .prepare('accord_campaign_setup'),
);

export async function loadCampaignSetup(db: Db, workspaceId: string): Promise<CampaignSetup> {
  const [row] = await setupRow(db).execute({ workspaceId });
  if (!row) throw notFound('Workspace');
  const { settings } = row;
  return {
    workspaceName: row.name,
    slug: row.slug,
    timeZone: row.timeZone,
    policy: settings ? { minNoticeDays: settings.minNoticeDays, financeApprovalAbovePercent: settings.financeApprovalAbovePercent } : { ...DEFAULT_CAMPAIGN_SETTINGS },
    isDefault: !settings,
    feedSecret: settings?.feedSecret ?? null,
    feedRotatedAt: settings?.feedRotatedAt ?? null,
    updatedAt: settings?.updatedAt ?? null,
    updatedBy: settings?.updatedBy ?? null,
  };
}

/** Today in the workspace's time zone: campaign dates are the workspace's days. */
export function todayOf(setup: CampaignSetup, now: Date): string {
  return localDay(setup.timeZone, now);
}

function settingsDto(setup: CampaignSetup) {
  return { ...setup.policy, isDefault: setup.isDefault, timeZone: setup.timeZone, updatedAt: setup.updatedAt, updatedBy: setup.updatedBy };
}

export async function getCampaignSettings(ctx: ServiceContext) {
  return settingsDto(await loadCampaignSetup(ctx.db, ctx.workspaceId));
}

/** Sets the minimum notice before a launch and the discount above which Finance approves too. */
export async function saveCampaignSettings(ctx: ServiceContext, input: CampaignSettings) {
  return ctx.db.transaction(async (tx) => {
    const before = await loadCampaignSetup(tx, ctx.workspaceId);
    const values = { ...input, updatedBy: actorUserId(ctx.actor), updatedAt: ctx.now };
    await tx.insert(campaignSettings).values({ workspaceId: ctx.workspaceId, ...values }).onConflictDoUpdate({ target: campaignSettings.workspaceId, set: values });
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'campaign_settings.update', entityType: 'workspace', entityId: ctx.workspaceId, before: before.policy, after: input });
    return settingsDto(await loadCampaignSetup(tx, ctx.workspaceId));
  });
}

/** The feed's address: public, unguessable, and only as long as the secret is not rotated. */
function feedUrl(config: Config, secret: string): string {
  return `${config.publicUrl}/api/v1/calendar/${secret}.ics`;
}

export async function getFeed(ctx: ServiceContext, config: Config) {
  const setup = await loadCampaignSetup(ctx.db, ctx.workspaceId);
  return { url: setup.feedSecret ? feedUrl(config, setup.feedSecret) : null, rotatedAt: setup.feedRotatedAt };
}

/** 160 random bits as 40 hex digits: unguessable, and safe in any calendar application's URL field. */
function newFeedSecret(): string {
  return randomBytes(20).toString('hex');
}

/** Turns the calendar feed on, or gives it a new secret address: the old address stops working at once. */
export async function rotateFeed(ctx: ServiceContext, config: Config) {
  return ctx.db.transaction(async (tx) => {
    const before = await loadCampaignSetup(tx, ctx.workspaceId);
    const secret = newFeedSecret();
    const feed = { feedSecret: secret, feedRotatedAt: ctx.now };
    await tx
      .insert(campaignSettings)
      .values({ workspaceId: ctx.workspaceId, ...before.policy, ...feed, updatedBy: actorUserId(ctx.actor), updatedAt: ctx.now })
      .onConflictDoUpdate({ target: campaignSettings.workspaceId, set: feed });
    await recordAudit(tx, { ...ctx, db: tx }, {
      action: before.feedSecret ? 'calendar_feed.rotate' : 'calendar_feed.enable',
      entityType: 'workspace',
      entityId: ctx.workspaceId,
      before: null,
      after: { rotatedAt: ctx.now },
    });
    return { url: feedUrl(config, secret), rotatedAt: ctx.now };
  });
}

/** The workspace whose feed has this secret, or null. */
export async function workspaceOfFeed(db: Db, secret: string): Promise<string | null> {
  const [row] = await db.select({ workspaceId: campaignSettings.workspaceId }).from(campaignSettings).where(eq(campaignSettings.feedSecret, secret));
  return row?.workspaceId ?? null;
}
