import { and, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { CampaignLink } from '../../../core/campaigns/forecast.ts';
import type { BriefingContent, Incoming, ProductKind } from '../../../core/schemas/campaigns.ts';
import type { Db } from '../../db/client.ts';
import { idsIn } from '../../db/raw.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { campaigns } from '../funnel/funnel.table.ts';
import { users } from '../identity/identity.table.ts';

/** Query pieces the campaign services share. */

export type CampaignRow = typeof campaigns.$inferSelect;

/**
 * The rows of `alias` that belong to the campaign of the enclosing query (a correlated subquery).
 * The campaign is named in full: in a select from campaigns alone drizzle leaves the table's name
 * out, and `workspace_id` would then mean the subquery's own column.
 */
export function ofCampaign(alias: string): SQL {
  return sql.raw(`${alias}.workspace_id = campaigns.workspace_id and ${alias}.campaign_id = campaigns.id`);
}

const linkedProducts = (item: SQL, order: SQL) => sql`coalesce((
  select jsonb_agg(${item} order by ${order})
  from campaign_products cp join products p on p.workspace_id = cp.workspace_id and p.id = cp.product_id
  where ${ofCampaign('cp')}
), '[]'::jsonb)`;

/** The campaign's products by id alone, in the plan's order (null without any): what the keys hash of them. */
const linkedProductIds = sql`(select array_agg(cp.product_id order by cp.position) from campaign_products cp
  where ${ofCampaign('cp')})`;

/** The columns a briefing says of the campaign itself, besides its products (the order of the content's fields). */
const BRIEFING_COLUMNS = [
  ['name', campaigns.name],
  ['objective', campaigns.objective],
  ['offer', campaigns.offer],
  ['currency', campaigns.currency],
  ['announceOn', campaigns.announceOn],
  ['launchOn', campaigns.startsOn],
  ['endOn', campaigns.endsOn],
  ['channels', campaigns.channels],
  ['audience', campaigns.audience],
  ['segments', campaigns.segments],
  ['keyMessages', campaigns.keyMessages],
  ['talkingPoints', campaigns.talkingPoints],
  ['faq', campaigns.faq],
  ['assets', campaigns.assets],
] as const;

const briefingFields = sql.join(BRIEFING_COLUMNS.map(([key, column]) => sql`${key}::text, ${column}`), sql`, `);

/** The briefing as the reps read it, built by the database from the campaign as it stands. */
export const briefingContent = sql<BriefingContent>`jsonb_build_object(${briefingFields},
  'products', ${linkedProducts(sql`jsonb_build_object('sku', p.sku, 'name', p.name, 'kind', p.kind)`, sql`cp.position`)})`;

/**
 * Equal keys, equal briefings: a published version is current while its key is the campaign's.
 * The key hashes the columns as one row (cheaper than building JSON, for a calendar of hundreds of
 * drafts); products count by id, so a product renamed by Operations does not call for a new briefing.
 */
export function briefingKeyOf(productIds: SQL): SQL<string> {
  return sql<string>`md5(row(${sql.join(BRIEFING_COLUMNS.map(([, column]) => sql`${column}`), sql`, `)}, ${productIds})::text)`;
}

export const briefingKey = briefingKeyOf(linkedProductIds);

/** What an approval approves, as the approver saw it: the offer, for these dates and these products. */
export const offerTerms = sql<Record<string, unknown>>`jsonb_build_object(
  'offer', ${campaigns.offer}, 'currency', ${campaigns.currency}, 'launchOn', ${campaigns.startsOn}, 'endOn', ${campaigns.endsOn},
  'skus', ${linkedProducts(sql`p.sku`, sql`p.sku`)}
)`;

/** An approval holds while the offer, its dates and its products (by id, in the plan's order) are the same. */
export function offerTermsKeyOf(productIds: SQL): SQL<string> {
  return sql<string>`md5(row(${campaigns.offer}, ${campaigns.currency}, ${campaigns.startsOn}, ${campaigns.endsOn}, ${productIds})::text)`;
}

export const offerTermsKey = offerTermsKeyOf(linkedProductIds);

/** The people who scheduled a campaign and who overrode its gate: join them on scheduledBy and overrideBy. */
export const scheduler = alias(users, 'scheduler');
export const overrider = alias(users, 'overrider');
export const schedulerNames = { scheduledByName: scheduler.name, overrideByName: overrider.name };

type Scheduling = Pick<CampaignRow, 'scheduledAt' | 'scheduledBy' | 'overrideAt' | 'overrideBy' | 'overrideReason' | 'overrideBlockers'> & {
  scheduledByName: string | null;
  overrideByName: string | null;
};

/** Who scheduled a campaign's launch and when, and the admin's override when the gate was overruled. */
export function schedulingOf(row: Scheduling) {
  return {
    scheduled: row.scheduledAt ? { at: row.scheduledAt, userId: row.scheduledBy, name: row.scheduledByName } : null,
    override: row.overrideAt ? { at: row.overrideAt, userId: row.overrideBy, name: row.overrideByName, reason: row.overrideReason, blockers: row.overrideBlockers ?? [] } : null,
  };
}

/** A campaign of the workspace, or 404. */
export async function campaignRow(db: Db, workspaceId: string, id: string): Promise<CampaignRow> {
  const [row] = await db.select().from(campaigns).where(and(eq(campaigns.workspaceId, workspaceId), eq(campaigns.id, id)));
  if (!row) throw notFound('Campaign');
  return row;
}

type Dated<T> = T & { startsOn: string; endsOn: string };
/** A campaign with launch and end days: every campaign planned here has them; one synced from a CRM may not. */
export type DatedCampaign = Dated<CampaignRow>;

export function assertDated<T extends { name: string; startsOn: string | null; endsOn: string | null }>(campaign: T): Dated<T> {
  if (!campaign.startsOn || !campaign.endsOn) {
    throw new AppError('conflict', `Campaign "${campaign.name}" has no launch or end day yet: plan it first (PUT /campaigns/{id}/plan).`);
  }
  return campaign as Dated<T>;
}

/** Refuses a change to a campaign that is live or over, whose plan is history. */
export function assertPlanOpen(campaign: CampaignRow, what: string): void {
  if (campaign.status === 'live' || campaign.status === 'ended') {
    throw new AppError('conflict', `Campaign "${campaign.name}" is ${campaign.status}: ${what} no longer changes.`);
  }
}

type LinkTuple = [productId: string, sku: string, name: string, kind: ProductKind, onHand: number, weeklyBaseline: number, incoming: Incoming[], upliftPercent: number | null, perUnit: number | null];

/**
 * A product of a campaign as a JSON tuple (`cp` the campaign's product, `p` the product), for
 * arrays of them in the plan's order: the launch gate reads hundreds per campaign, and row by row
 * (PGlite above all) or as JSON objects they cost twice as much.
 */
export const linkTuple = sql`json_build_array(p.id, p.sku, p.name, p.kind, p.on_hand, p.weekly_baseline, p.incoming, cp.uplift_percent, cp.per_unit)`;

/** The campaign's link tuples, for a select from campaigns (`cp` the campaign's products, `p` their products). */
const linkTuples = sql<string | null>`(
  select json_agg(${linkTuple} order by cp.position)::text
  from campaign_products cp join products p on p.workspace_id = cp.workspace_id and p.id = cp.product_id
  where ${ofCampaign('cp')})`;

/** The links of a JSON array of link tuples (null: none). */
export function parseLinks(tuples: string | null): CampaignLink[] {
  if (tuples === null) return [];
  return (JSON.parse(tuples) as LinkTuple[]).map(([productId, sku, name, kind, onHand, weeklyBaseline, incoming, upliftPercent, perUnit]) => ({
    product: { productId, sku, name, kind, onHand, weeklyBaseline, incoming },
    upliftPercent,
    perUnit,
  }));
}

/** The products and promo items of campaigns, in the order the plan lists them, by campaign. */
export async function loadLinks(db: Db, workspaceId: string, campaignIds: readonly string[]): Promise<Map<string, CampaignLink[]>> {
  if (campaignIds.length === 0) return new Map();
  const rows = await db.select({ id: campaigns.id, links: linkTuples }).from(campaigns).where(and(eq(campaigns.workspaceId, workspaceId), idsIn(campaigns.id, campaignIds)));
  return new Map(rows.map((row) => [row.id, parseLinks(row.links)]));
}

