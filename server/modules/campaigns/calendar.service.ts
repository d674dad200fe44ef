import { and, asc, eq, gte, inArray, isNotNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { addDays } from '../../../core/campaigns/days.ts';
import { renderICalendar, type CalendarEvent } from '../../../core/campaigns/ical.ts';
import { findOverlaps } from '../../../core/campaigns/overlaps.ts';
import { actorUserId } from '../../../core/permissions.ts';
import { campaignState, type CampaignState, type ReadinessReport } from '../../../core/readiness/gate.ts';
import { TEAM_ROLES, teamOf, type CalendarQuery } from '../../../core/schemas/campaigns.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { readAll } from '../../db/parallel.ts';
import { arrayParam, queryRows } from '../../db/raw.ts';
import type { ServiceContext } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { campaigns } from '../funnel/funnel.table.ts';
import { users } from '../identity/identity.table.ts';
import { memberships } from '../workspaces/workspaces.table.ts';
import { evaluateGates } from './gate.service.ts';
import { campaignPath } from './messages.ts';
import { ofCampaign } from './queries.ts';
import { loadCampaignSetup, todayOf, workspaceOfFeed, type CampaignSetup } from './settings.service.ts';

/** The campaign calendar: campaigns in a period with their readiness, the offers that compete, the iCalendar feed, a rep's upcoming campaigns. */

const FEED_PAST_DAYS = 90;
const FEED_FUTURE_DAYS = 365;

function calendarFilter(workspaceId: string, query: CalendarQuery): SQL {
  const conditions: (SQL | undefined)[] = [
    eq(campaigns.workspaceId, workspaceId),
    isNotNull(campaigns.startsOn),
    isNotNull(campaigns.endsOn),
    lte(campaigns.startsOn, query.to),
    gte(campaigns.endsOn, query.from),
    query.channel ? or(eq(campaigns.channel, query.channel), sql`${query.channel} = any(${campaigns.channels})`) : undefined,
    query.ownerId ? eq(campaigns.ownerId, query.ownerId) : undefined,
    query.status ? eq(campaigns.status, query.status) : undefined,
    query.team ? inArray(memberships.role, [...TEAM_ROLES[query.team]]) : undefined,
  ];
  const linked = (condition: SQL) =>
    sql`exists (select 1 from campaign_products cp join products p on p.workspace_id = cp.workspace_id and p.id = cp.product_id
      where ${ofCampaign('cp')} and ${condition})`;
  if (query.productId) conditions.push(linked(sql`p.id = ${query.productId}`));
  if (query.sku) conditions.push(linked(sql`p.sku = ${query.sku}`));
  return and(...conditions)!;
}

async function calendarRows(db: Db, workspaceId: string, query: CalendarQuery) {
  return db
    .select({
      id: campaigns.id,
      name: campaigns.name,
      type: campaigns.type,
      status: campaigns.status,
      channel: campaigns.channel,
      channels: campaigns.channels,
      segments: campaigns.segments,
      announceOn: campaigns.announceOn,
      launchOn: sql<string>`${campaigns.startsOn}`,
      endOn: sql<string>`${campaigns.endsOn}`,
      offer: campaigns.offer,
      budgetMinor: campaigns.budgetMinor,
      spendMinor: campaigns.spendMinor,
      currency: campaigns.currency,
      ownerId: campaigns.ownerId,
      ownerName: users.name,
      ownerRole: memberships.role,
      overrideAt: campaigns.overrideAt,
      overrideReason: campaigns.overrideReason,
      updatedAt: campaigns.updatedAt,
    })
    .from(campaigns)
    .leftJoin(memberships, and(eq(memberships.workspaceId, campaigns.workspaceId), eq(memberships.userId, campaigns.ownerId)))
    .leftJoin(users, eq(users.id, campaigns.ownerId))
    .where(calendarFilter(workspaceId, query))
    .orderBy(asc(campaigns.startsOn), asc(campaigns.name), asc(campaigns.id));
}

type CalendarRow = Awaited<ReturnType<typeof calendarRows>>[number];

/** The products of the campaigns as (product id, SKU) pairs, one JSON array per campaign: ten thousand links in a year's calendar. */
async function linkedSkus(db: Db, workspaceId: string, ids: readonly string[]): Promise<Map<string, [productId: string, sku: string][]>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<{ campaign_id: string; products: string }>(db, sql`
    select cp.campaign_id, json_agg(json_build_array(p.id, p.sku))::text as products
    from campaign_products cp join products p on p.workspace_id = cp.workspace_id and p.id = cp.product_id
    where cp.workspace_id = ${workspaceId}::uuid and cp.campaign_id = any(${arrayParam(ids, 'uuid')})
    group by cp.campaign_id`);
  return new Map(rows.map((row) => [row.campaign_id, JSON.parse(row.products) as [string, string][]]));
}

/** The readiness a calendar shows: whether each condition is met (the reasons are the campaign's readiness page). */
function readinessSummary(report: ReadinessReport) {
  return {
    ready: report.ready,
    met: { stock: report.conditions.stock.met, briefing: report.conditions.briefing.met, approvals: report.conditions.approvals.met, notice: report.conditions.notice.met },
    blockers: report.blockers.map((blocker) => blocker.condition),
  };
}

function calendarItem(row: CalendarRow, productCount: number, gate: ReadinessReport | undefined, today: string) {
  const state: CampaignState = campaignState({ status: row.status, launchOn: row.launchOn, isOverridden: row.overrideAt !== null }, today, gate?.ready ?? false);
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    status: row.status,
    state,
    channel: row.channel,
    channels: row.channels,
    segments: row.segments,
    announceOn: row.announceOn,
    launchOn: row.launchOn,
    endOn: row.endOn,
    owner: row.ownerId ? { userId: row.ownerId, name: row.ownerName, team: row.ownerRole ? teamOf(row.ownerRole) : null } : null,
    offer: row.offer,
    productCount,
    budgetMinor: row.budgetMinor,
    spendMinor: row.spendMinor,
    currency: row.currency,
    readiness: gate && (state === 'ready' || state === 'blocked') ? readinessSummary(gate) : null,
    override: row.overrideAt ? { at: row.overrideAt, reason: row.overrideReason } : null,
    updatedAt: row.updatedAt,
  };
}

export type CalendarItem = ReturnType<typeof calendarItem>;

/**
 * The campaigns that run on any day of the period, with the calendar's filters; each draft still
 * ahead is put through the launch gate. Offers that compete for a product or an audience segment
 * on the same days are listed as overlaps.
 */
async function calendarOf(db: Db, workspaceId: string, setup: CampaignSetup, now: Date, query: CalendarQuery) {
  const today = todayOf(setup, now);
  const rows = await calendarRows(db, workspaceId, query);
  const gated = rows.filter((row) => row.status === 'draft' && row.launchOn >= today).map((row) => row.id);
  const [links, { gates }] = await readAll(db, [() => linkedSkus(db, workspaceId, rows.map((row) => row.id)), () => evaluateGates(db, workspaceId, gated, { now, setup })]);
  const productsOf = new Map([...links].map(([campaignId, pairs]) => [campaignId, pairs.map(([productId]) => productId)]));
  const skuOf = new Map([...links.values()].flat());
  const offers = rows
    .filter((row) => row.offer.kind !== 'none')
    .map((row) => ({ id: row.id, name: row.name, launchOn: row.launchOn, endOn: row.endOn, productIds: productsOf.get(row.id) ?? [], segments: row.segments }));
  return {
    from: query.from,
    to: query.to,
    today,
    items: rows.map((row) => calendarItem(row, productsOf.get(row.id)?.length ?? 0, gates.get(row.id)?.report, today)),
    overlaps: findOverlaps(offers).map((overlap) => ({
      campaignIds: overlap.campaigns.map((campaign) => campaign.id),
      from: overlap.from,
      to: overlap.to,
      skus: overlap.productIds.map((productId) => skuOf.get(productId)!),
      segments: overlap.segments,
    })),
  };
}

export async function getCalendar(ctx: ServiceContext, query: CalendarQuery) {
  return calendarOf(ctx.db, ctx.workspaceId, await loadCampaignSetup(ctx.db, ctx.workspaceId), ctx.now, query);
}

const STATE_LABELS: Partial<Record<CampaignState, string>> = { ready: 'ready, not scheduled', blocked: 'not ready', lapsed: 'not scheduled in Accord', overridden: 'launched by override' };

function feedEvent(item: CalendarItem, setup: CampaignSetup, config: Config): CalendarEvent {
  const label = STATE_LABELS[item.state];
  const url = `${config.publicUrl}${campaignPath(setup.slug, item.id)}`;
  const terms = [item.offer.kind.replace('_', ' '), item.offer.discountPercent ? `${item.offer.discountPercent} % off` : null].filter(Boolean).join(', ');
  const offer = item.offer.kind === 'none' ? null : `Offer (${terms})${item.offer.description ? `: ${item.offer.description}` : ''}`;
  const description = [
    `Status: ${item.state}`,
    item.announceOn ? `Announced on ${item.announceOn}` : null,
    item.channels.length > 0 ? `Channels: ${item.channels.join(', ')}` : null,
    offer,
    `Products: ${item.productCount}`,
    item.owner ? `Owner: ${item.owner.name}` : null,
    item.readiness && !item.readiness.ready ? `Not ready: ${item.readiness.blockers.join(', ')} (see the campaign's readiness)` : null,
    item.override ? `Launched by an admin's override: ${item.override.reason}` : null,
    url,
  ].filter((line): line is string => line !== null);
  return {
    uid: `campaign-${item.id}@accord`,
    summary: label ? `${item.name} (${label})` : item.name,
    description: description.join('\n'),
    firstDay: item.launchOn,
    lastDay: item.endOn,
    status: item.status === 'draft' ? 'TENTATIVE' : 'CONFIRMED',
    categories: item.channels,
    url,
    lastModified: item.updatedAt,
  };
}

/**
 * The iCalendar feed of the workspace whose feed has this secret: its campaigns from 90 days ago
 * to a year ahead with their readiness. Null for a secret no workspace has (any more).
 */
export async function calendarFeed(db: Db, config: Config, secret: string, now: Date): Promise<string | null> {
  const workspaceId = await workspaceOfFeed(db, secret);
  if (!workspaceId) return null;
  const setup = await loadCampaignSetup(db, workspaceId);
  const today = todayOf(setup, now);
  const calendar = await calendarOf(db, workspaceId, setup, now, { from: addDays(today, -FEED_PAST_DAYS), to: addDays(today, FEED_FUTURE_DAYS) });
  return renderICalendar({
    name: `${setup.workspaceName} campaigns`,
    description: `Campaigns and promotions of ${setup.workspaceName}, with their launch readiness (Accord)`,
    stamp: now,
    events: calendar.items.map((item) => feedEvent(item, setup, config)),
  });
}

/** Campaigns a person is briefed for: named in the plan, or every sales rep when the plan names nobody. */
function briefs(userId: string, isSalesRep: boolean): SQL {
  return isSalesRep ? sql`(${campaigns.repIds} is null or ${campaigns.repIds} ? ${userId})` : sql`coalesce(${campaigns.repIds} ? ${userId}, false)`;
}

/**
 * A rep's upcoming campaigns: live, or launching within `days`, that brief them (a draft once its
 * briefing is published), with the briefing they have to read and whether they acknowledged it.
 */
export async function upcomingForMe(ctx: ServiceContext, days: number) {
  const userId = actorUserId(ctx.actor);
  if (!userId) throw new AppError('forbidden', 'This lists a person’s campaigns; it needs a person.');
  const setup = await loadCampaignSetup(ctx.db, ctx.workspaceId);
  const today = todayOf(setup, ctx.now);
  const [member] = await ctx.db.select({ role: memberships.role }).from(memberships).where(and(eq(memberships.workspaceId, ctx.workspaceId), eq(memberships.userId, userId)));
  const published = sql`exists (select 1 from campaign_briefings b where ${ofCampaign('b')})`;
  const rows = await ctx.db
    .select({ id: campaigns.id, name: campaigns.name, status: campaigns.status, overrideAt: campaigns.overrideAt, channels: campaigns.channels, segments: campaigns.segments, offer: campaigns.offer })
    .from(campaigns)
    .where(and(
      eq(campaigns.workspaceId, ctx.workspaceId),
      inArray(campaigns.status, ['draft', 'scheduled', 'live']),
      lte(campaigns.startsOn, addDays(today, days)),
      gte(campaigns.endsOn, today),
      or(sql`${campaigns.status} <> 'draft'`, published),
      briefs(userId, member?.role === 'sales_rep'),
    ))
    .orderBy(asc(campaigns.startsOn), asc(campaigns.name));
  const { gates } = await evaluateGates(ctx.db, ctx.workspaceId, rows.map((row) => row.id), { now: ctx.now, setup });
  return {
    today,
    items: rows.map((row) => {
      const { input, report, links } = gates.get(row.id)!;
      const briefing = report.conditions.briefing;
      const isBriefed = input.reps.some((rep) => rep.userId === userId);
      const mine = input.acknowledgements.get(userId) ?? null;
      return {
        id: row.id,
        name: row.name,
        status: row.status,
        state: campaignState({ status: row.status, launchOn: input.launchOn, isOverridden: row.overrideAt !== null }, today, report.ready),
        announceOn: input.announceOn,
        launchOn: input.launchOn,
        endOn: input.endOn,
        channels: row.channels,
        segments: row.segments,
        offer: row.offer,
        products: links.map(({ product }) => ({ sku: product.sku, name: product.name, kind: product.kind })),
        briefing: briefing.version === null ? null : { version: briefing.version, publishedAt: briefing.published!.at, isCurrent: briefing.isCurrent },
        acknowledgement: mine,
        needsAcknowledgement: briefing.version !== null && isBriefed && mine === null,
        team: { expected: briefing.expected, acknowledged: briefing.acknowledged },
      };
    }),
  };
}
