import { sql, type SQL } from 'drizzle-orm';
import { touchesBetween, UNKNOWN_CHANNEL, type DealConversion, type DealTouch } from '../../../core/attribution/deal-journeys.ts';
import { TOUCHPOINT_TYPES, type TouchpointType } from '../../../core/funnel/stages.ts';
import type { Db } from '../../db/client.ts';
import { readAll } from '../../db/parallel.ts';
import { arrayParam, queryRows } from '../../db/raw.ts';
import { dayStart, type DayWindow } from './flows.service.ts';

/**
 * Loads what attribution reads from the database: the deals created (pipeline) and won (revenue) in
 * the period with their lead's touches, and a sample of the other leads' touches in the period (the
 * journeys that ended without converting, for the Markov model's nulls).
 *
 * Only the deal's own lead's touches count: other leads of the same account are left out (they would
 * credit a colleague's newsletter clicks to a deal, and multiply the touches read by the account size).
 *
 * A million touches are read as text, one line per touch (`lead,seconds,campaign,influence,channel`:
 * the lead and campaign as 1-based indices into the arrays sent, 0 for no campaign, channel last), aggregated by the
 * database into one value: measured, a row per touch costs PGlite four times as much, PostgreSQL's
 * driver a third more, and leaves a million row objects for the garbage collector while the models
 * run. A line break inside a channel name is read as a space.
 */

/** The share of leads sampled for non-converting journeys is MAX_NULL_JOURNEYS / leads of the workspace (at most all). */
const MAX_NULL_JOURNEYS = 10_000;
const HASH_RANGE = 1 << 20;
/**
 * Parts the touches are read in, side by side: more parts than cores, so that this process parses
 * the first while the database still writes the others (measured on 2 cores, 1M touches: 4 parts
 * 2.2–2.5 s, 8 parts 1.8–2.0 s, 16 no better). They take 8 of the pool's 10 connections for about a second.
 */
const TOUCH_PARTS = 8;

export type CampaignInfo = {
  id: string;
  name: string;
  channel: string | null;
  startsOn: string | null;
  endsOn: string | null;
  budgetMinor: number | null;
  spendMinor: number | null;
  currency: string;
};

/** Every campaign of the workspace by id. */
export async function loadCampaigns(db: Db, workspaceId: string): Promise<Map<string, CampaignInfo>> {
  const rows = await queryRows<CampaignInfo>(db, sql`
    select id::text as id, name, channel, starts_on::text as "startsOn", ends_on::text as "endsOn",
      budget_minor::float8 as "budgetMinor", spend_minor::float8 as "spendMinor", currency
    from campaigns where workspace_id = ${workspaceId}::uuid order by created_at, id`);
  return new Map(rows.map((row) => [row.id, row]));
}

type DealRow = {
  lead_id: string | null;
  amount: number;
  currency: string;
  created_s: number;
  closed_s: number | null;
  is_pipeline: boolean;
  is_revenue: boolean;
  lead_created_s: number | null;
  lead_channel: string | null;
  lead_campaign: string | null;
};

/** Non-converting journeys: the sampled leads' touches in the period, each lead standing for `weight` leads. */
export type NullJourneys = { leadIds: string[]; touches: (readonly DealTouch[])[]; weight: number };

export type AttributionData = {
  pipeline: DealConversion[];
  revenue: DealConversion[];
  nulls: NullJourneys;
  /** Lead ids converting per measure, to leave them out of that measure's nulls. */
  converting: { pipeline: Set<string>; revenue: Set<string> };
  currencies: Map<string, number>;
};

const seconds = (column: SQL) => sql`floor(date_part('epoch', ${column}))::int8`;

async function periodDeals(db: Db, workspaceId: string, window: DayWindow): Promise<DealRow[]> {
  const from = dayStart(window.from);
  const to = dayStart(window.to);
  const created = sql`(d.created_at >= ${from} and d.created_at < ${to})`;
  const won = sql`(d.status = 'won' and d.closed_at >= ${from} and d.closed_at < ${to})`;
  return queryRows<DealRow>(db, sql`
    select d.lead_id::text as lead_id, d.amount_minor::float8 as amount, d.currency,
      ${seconds(sql`d.created_at`)} as created_s, ${seconds(sql`d.closed_at`)} as closed_s, ${created} as is_pipeline, ${won} as is_revenue,
      ${seconds(sql`l.created_at`)} as lead_created_s, l.channel as lead_channel, l.campaign_id::text as lead_campaign
    from deals d left join leads l on l.workspace_id = d.workspace_id and l.id = d.lead_id
    where d.workspace_id = ${workspaceId}::uuid and (${created} or ${won})`);
}

/** The hash threshold that samples about MAX_NULL_JOURNEYS of the workspace's leads. */
async function sampleThreshold(db: Db, workspaceId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from leads where workspace_id = ${workspaceId}::uuid`);
  const leads = Number(row?.n ?? 0);
  return leads <= MAX_NULL_JOURNEYS ? HASH_RANGE : Math.floor((HASH_RANGE * MAX_NULL_JOURNEYS) / leads);
}

function influenceTest(types: readonly TouchpointType[]): SQL {
  if (TOUCHPOINT_TYPES.every((type) => types.includes(type))) return sql`1`;
  return sql`(t.type in (${sql.join(types.map((type) => sql`${type}`), sql`, `)}))::int`;
}

type TouchQuery = { window: DayWindow; lookbackDays: number; influencedTypes: readonly TouchpointType[]; campaignIds: string[] };

/** The touches of the leads as text, from the earliest lookback before the period to its end. */
async function touchText(db: Db, workspaceId: string, leadIds: string[], query: TouchQuery): Promise<string> {
  if (leadIds.length === 0) return '';
  const [row] = await queryRows<{ touches: string | null }>(db, sql`
    select string_agg(concat_ws(',', w.n, ${seconds(sql`t.occurred_at`)}, coalesce(ci.k, 0), ${influenceTest(query.influencedTypes)}, coalesce(translate(t.channel, E'\\n', ' '), '')), E'\\n') as touches
    from touchpoints t
    join (select * from unnest(${arrayParam(leadIds, 'uuid')}) with ordinality as w(lead_id, n) offset 0) w on w.lead_id = t.lead_id
    left join unnest(${arrayParam(query.campaignIds, 'uuid')}) with ordinality as ci(id, k) on ci.id = t.campaign_id
    where t.workspace_id = ${workspaceId}::uuid
      and t.occurred_at >= ${dayStart(query.window.from)} - make_interval(days => ${query.lookbackDays}) and t.occurred_at < ${dayStart(query.window.to)}`);
  return row?.touches ?? '';
}

/** The whole number written from `start` to `end`. */
function numberAt(text: string, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i++) value = value * 10 + (text.charCodeAt(i) - 48);
  return value;
}

/**
 * Each lead's touches (by the lead's index) from the text, in time order. A touch's channel is its own,
 * else its campaign's, else direct/unknown; channel names are shared strings.
 */
function parseTouches(text: string, leads: number, campaigns: CampaignInfo[]): DealTouch[][] {
  const lists: DealTouch[][] = Array.from({ length: leads }, () => []);
  const names = new Map<string, string>();
  const shared = (name: string) => names.get(name) ?? (names.set(name, name), name);
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const c1 = text.indexOf(',', start);
    const c2 = text.indexOf(',', c1 + 1);
    const c3 = text.indexOf(',', c2 + 1);
    const c4 = text.indexOf(',', c3 + 1);
    const campaign = campaigns[numberAt(text, c2 + 1, c3) - 1];
    const channel = end > c4 + 1 ? shared(text.slice(c4 + 1, end)) : (campaign?.channel ?? UNKNOWN_CHANNEL);
    lists[numberAt(text, start, c1) - 1]!.push({ at: numberAt(text, c1 + 1, c2) * 1000, channel, campaign: campaign?.id ?? null, isInfluence: text.charCodeAt(c3 + 1) === 49 });
    start = end + 1;
  }
  for (const list of lists) {
    if (!list.every((touch, i) => i === 0 || list[i - 1]!.at <= touch.at)) list.sort((a, b) => a.at - b.at);
  }
  return lists;
}

/**
 * Each lead's touches, in the order of `leadIds`: read in TOUCH_PARTS parts side by side (on
 * PostgreSQL each part is its own connection, so the database reads them on several cores while
 * this process parses the parts that have arrived).
 */
async function touchLists(db: Db, workspaceId: string, leadIds: string[], query: TouchQuery, campaigns: CampaignInfo[]): Promise<DealTouch[][]> {
  const size = Math.ceil(leadIds.length / TOUCH_PARTS);
  const parts = Array.from({ length: TOUCH_PARTS }, (_, i) => leadIds.slice(i * size, (i + 1) * size)).filter((part) => part.length > 0);
  const lists = await readAll(db, parts.map((part) => async () => parseTouches(await touchText(db, workspaceId, part, query), part.length, campaigns)));
  return lists.flat();
}

/** The leads sampled by a hash of their id: the same ones every time, about threshold / 2^20 of them. */
async function sampledLeads(db: Db, workspaceId: string, threshold: number): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(db, sql`
    select l.id::text as id from leads l where l.workspace_id = ${workspaceId}::uuid and (hashtext(l.id::text) & ${HASH_RANGE - 1}) < ${threshold}`);
  return rows.map((row) => row.id);
}

/** Deals of the period as conversions of both measures, with their lead's touches; and the sample of journeys without conversion. */
export async function loadAttributionData(
  db: Db,
  workspaceId: string,
  input: { window: DayWindow; lookbackDays: number; influencedTypes: readonly TouchpointType[]; campaigns: Map<string, CampaignInfo> },
): Promise<AttributionData> {
  const { window } = input;
  const campaigns = [...input.campaigns.values()];
  const threshold = await sampleThreshold(db, workspaceId);
  const [deals, sample] = await Promise.all([periodDeals(db, workspaceId, window), sampledLeads(db, workspaceId, threshold)]);
  const leadIds = [...new Set([...deals.flatMap((deal) => (deal.lead_id === null ? [] : [deal.lead_id])), ...sample])];
  const query = { window, lookbackDays: input.lookbackDays, influencedTypes: input.influencedTypes, campaignIds: campaigns.map((c) => c.id) };
  const lists = await touchLists(db, workspaceId, leadIds, query, campaigns);
  const touchesOf = new Map(leadIds.map((leadId, i) => [leadId, lists[i]!]));
  const from = Date.parse(`${window.from}T00:00:00Z`);
  const to = Date.parse(`${window.to}T00:00:00Z`);
  const inPeriod = sample.flatMap((leadId) => {
    const touches = touchesBetween(touchesOf.get(leadId)!, from, to);
    return touches.length > 0 ? [{ leadId, touches }] : [];
  });
  const data: AttributionData = {
    pipeline: [],
    revenue: [],
    nulls: { leadIds: inPeriod.map((s) => s.leadId), touches: inPeriod.map((s) => s.touches), weight: HASH_RANGE / threshold },
    converting: { pipeline: new Set(), revenue: new Set() },
    currencies: new Map(),
  };
  for (const deal of deals) {
    const leadCampaign = deal.lead_campaign === null ? undefined : input.campaigns.get(deal.lead_campaign);
    const base = {
      value: Number(deal.amount),
      leadCreatedAt: deal.lead_created_s === null ? null : Number(deal.lead_created_s) * 1000,
      opportunityCreatedAt: Number(deal.created_s) * 1000,
      touches: deal.lead_id === null ? [] : touchesOf.get(deal.lead_id)!,
      source: { channel: deal.lead_channel ?? leadCampaign?.channel ?? UNKNOWN_CHANNEL, campaign: leadCampaign?.id ?? null },
    };
    if (deal.is_pipeline) data.pipeline.push({ ...base, at: Number(deal.created_s) * 1000 });
    if (deal.is_revenue) data.revenue.push({ ...base, at: Number(deal.closed_s) * 1000 });
    if (deal.lead_id !== null && deal.is_pipeline) data.converting.pipeline.add(deal.lead_id);
    if (deal.lead_id !== null && deal.is_revenue) data.converting.revenue.add(deal.lead_id);
    data.currencies.set(deal.currency, (data.currencies.get(deal.currency) ?? 0) + 1);
  }
  return data;
}
