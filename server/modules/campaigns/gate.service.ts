import { and, eq, sql } from 'drizzle-orm';
import { campaignDemand, type CampaignLink } from '../../../core/campaigns/forecast.ts';
import type { Role } from '../../../core/permissions.ts';
import type { ApprovalRole } from '../../../core/schemas/campaigns.ts';
import { evaluateReadiness, type Acknowledgement, type ReadinessInput, type ReadinessReport, type RepRef, type StockConfirmation } from '../../../core/readiness/gate.ts';
import type { Db } from '../../db/client.ts';
import { preparedOnce } from '../../db/prepared.ts';
import { readAll } from '../../db/parallel.ts';
import { arrayText, queryJson } from '../../db/raw.ts';
import { campaigns } from '../funnel/funnel.table.ts';
import { briefingKeyOf, linkTuple, offerTermsKeyOf, overrider, parseLinks, scheduler, schedulerNames } from './queries.ts';
import { loadCampaignSetup, todayOf, type CampaignSetup } from './settings.service.ts';

/**
 * The launch gate's facts for any number of campaigns, in one batch of set-based reads run side
 * by side (whatever the number of campaigns, products or reps), then the pure gate of core/readiness.
 */

/** Who a campaign briefs when its plan names nobody: every sales rep of the workspace. */
const BRIEFED_ROLE: Role = 'sales_rep';

type Member = { userId: string; name: string; role: Role };

type ConfirmationBatch = Omit<StockConfirmation, 'at' | 'demand'> & { at: string; productIds: string[]; demands: number[] };
type JsonStamp = { userId: string | null; name: string | null; at: string };
/** A rep's acknowledgement: the manager who gave it for them (null: the rep), and when in epoch milliseconds. */
type AcknowledgementTuple = [userId: string, onBehalfBy: string | null, onBehalfName: string | null, at: number];

/** The campaigns asked for: the workspace and the ids are the prepared statement's placeholders. */
const wanted = (alias: string) => sql`${sql.raw(alias)}.workspace_id = ${sql.placeholder('workspaceId')} and ${sql.raw(alias)}.campaign_id = any(${sql.placeholder('ids')}::uuid[])`;

/** Each campaign's products: their ids in order (for the keys), and their link tuples. */
const linkedGroups = sql`(
  select cp.campaign_id, array_agg(cp.product_id order by cp.position) as product_ids, json_agg(${linkTuple} order by cp.position)::text as links
  from campaign_products cp join products p on p.workspace_id = cp.workspace_id and p.id = cp.product_id
  where ${wanted('cp')}
  group by cp.campaign_id) gl`;

/**
 * The latest word of Operations on each product, gathered back into the batches it was given in
 * (Operations confirms many products at once): a few entries per campaign with their products
 * and demands, instead of one per product.
 */
const confirmationGroups = sql`(
  select b.campaign_id, json_agg(b)::text as confirmations from (
    select s.campaign_id, s.decision, s.reason, s.launch_on as "launchOn", s.end_on as "endOn", s.confirmed_by as "userId", u.name,
      s.confirmed_at as at, array_agg(s.product_id) as "productIds", array_agg(s.demand) as demands
    from (select distinct on (campaign_id, product_id) * from stock_confirmations s where ${wanted('s')} order by campaign_id, product_id, confirmed_at desc) s
    left join users u on u.id = s.confirmed_by
    group by s.campaign_id, s.decision, s.reason, s.launch_on, s.end_on, s.confirmed_by, u.name, s.confirmed_at
  ) b group by b.campaign_id) gs`;

/** The latest approval of each role, per campaign. */
const approvalGroups = sql`(
  select a.campaign_id, json_agg(a)::text as approvals from (
    select distinct on (oa.campaign_id, oa.role) oa.campaign_id, oa.role, oa.terms_key as "termsKey", oa.note, oa.user_id as "userId", u.name, oa.approved_at as at
    from offer_approvals oa left join users u on u.id = oa.user_id
    where ${wanted('oa')}
    order by oa.campaign_id, oa.role, oa.approved_at desc
  ) a group by a.campaign_id) ga`;

/** Every published version of each briefing (without its content), oldest first, and the latest version's number. */
const versionGroups = sql`(
  select v.campaign_id, max(v.version) as latest, json_agg(v order by v.version)::text as versions from (
    select b.campaign_id, b.version, b.content_key as "contentKey", b.published_by as "userId", u.name, b.published_at as at
    from campaign_briefings b left join users u on u.id = b.published_by
    where ${wanted('b')}
  ) v group by v.campaign_id) gv`;

/**
 * The acknowledgements of each campaign's latest briefing version, as tuples (one per rep, thousands
 * in a calendar): who acknowledged only when it was someone else (a manager, named: looked up only
 * then, as a join made the planner probe users once per acknowledgement), and when, in epoch
 * milliseconds (float8: extract() gives numeric, several times slower over thousands of rows).
 */
const acknowledgementGroups = sql`(
  select a.campaign_id, json_agg(json_build_array(a.user_id, nullif(a.acknowledged_by, a.user_id),
      case when a.acknowledged_by <> a.user_id then (select u.name from users u where u.id = a.acknowledged_by) end,
      floor(date_part('epoch', a.acknowledged_at) * 1000)))::text as acknowledgements
  from (select campaign_id, max(version) as version from campaign_briefings b where ${wanted('b')} group by campaign_id) latest
  join briefing_acknowledgements a on a.workspace_id = ${sql.placeholder('workspaceId')} and a.campaign_id = latest.campaign_id and a.version = latest.version
  group by a.campaign_id) gk`;

/**
 * Each campaign with everything its gate reads, in one statement: dates, offer, status and
 * scheduling; its products; Operations' decisions, the approvals, the briefing's versions and
 * acknowledgements as JSON, each grouped per campaign once for all the campaigns asked for (a
 * calendar gates hundreds); and the keys of the briefing and of the offer's terms, hashed only
 * when there is a published briefing or an approval to compare them with.
 */
const preparedGateRows = preparedOnce((db) =>
  db
    .select({
      id: campaigns.id,
      name: campaigns.name,
      status: campaigns.status,
      ownerId: campaigns.ownerId,
      startsOn: campaigns.startsOn,
      endsOn: campaigns.endsOn,
      announceOn: campaigns.announceOn,
      offer: campaigns.offer,
      upliftPercent: campaigns.upliftPercent,
      repIds: campaigns.repIds,
      scheduledAt: campaigns.scheduledAt,
      scheduledBy: campaigns.scheduledBy,
      overrideAt: campaigns.overrideAt,
      overrideBy: campaigns.overrideBy,
      overrideReason: campaigns.overrideReason,
      overrideBlockers: campaigns.overrideBlockers,
      ...schedulerNames,
      briefingKey: sql<string | null>`case when gv.campaign_id is not null then ${briefingKeyOf(sql`gl.product_ids`)} end`,
      termsKey: sql<string | null>`case when ga.campaign_id is not null then ${offerTermsKeyOf(sql`gl.product_ids`)} end`,
      links: sql<string | null>`gl.links`,
      confirmations: sql<string | null>`gs.confirmations`,
      approvals: sql<string | null>`ga.approvals`,
      versions: sql<string | null>`gv.versions`,
      acknowledgements: sql<string | null>`gk.acknowledgements`,
    })
    .from(campaigns)
    .leftJoin(scheduler, eq(scheduler.id, campaigns.scheduledBy))
    .leftJoin(overrider, eq(overrider.id, campaigns.overrideBy))
    .leftJoin(linkedGroups, sql`gl.campaign_id = ${campaigns.id}`)
    .leftJoin(confirmationGroups, sql`gs.campaign_id = ${campaigns.id}`)
    .leftJoin(approvalGroups, sql`ga.campaign_id = ${campaigns.id}`)
    .leftJoin(versionGroups, sql`gv.campaign_id = ${campaigns.id}`)
    .leftJoin(acknowledgementGroups, sql`gk.campaign_id = ${campaigns.id}`)
    .where(and(eq(campaigns.workspaceId, sql.placeholder('workspaceId')), sql`${campaigns.id} = any(${sql.placeholder('ids')}::uuid[])`))
    .prepare('accord_gate_rows'),
);

/**
 * The gate's rows, through a prepared statement: the statement is long, and planning it anew
 * took longer than running it for one campaign.
 */
async function gateRows(db: Db, workspaceId: string, ids: readonly string[]) {
  return preparedGateRows(db).execute({ workspaceId, ids: arrayText(ids) });
}

type GateRow = Awaited<ReturnType<typeof gateRows>>[number];
export type GateCampaign = Omit<GateRow, 'links' | 'confirmations' | 'approvals' | 'versions' | 'acknowledgements'>;
export type GateFacts = { campaign: GateCampaign; input: ReadinessInput; links: CampaignLink[]; report: ReadinessReport };
export type Gates = { setup: CampaignSetup; today: string; campaigns: Map<string, GateCampaign>; gates: Map<string, GateFacts> };

function parsed<T>(json: string | null): T[] {
  return json === null ? [] : (JSON.parse(json) as T[]);
}

function stamped<T extends { at: string }>(row: T): Omit<T, 'at'> & { at: Date } {
  return { ...row, at: new Date(row.at) };
}

/**
 * Each product's latest confirmation, from the batches. Each is written out field by field: spread
 * from the parsed batch, hundreds of them made slow dictionary objects, ten times the memory.
 */
function confirmationsByProduct(batches: readonly ConfirmationBatch[]): Map<string, StockConfirmation> {
  const byProduct = new Map<string, StockConfirmation>();
  for (const { productIds, demands, at, decision, reason, launchOn, endOn, userId, name } of batches) {
    const when = new Date(at);
    productIds.forEach((productId, i) => byProduct.set(productId, { decision, reason, launchOn, endOn, userId, name, at: when, demand: demands[i]! }));
  }
  return byProduct;
}

function acknowledgementsOf(tuples: readonly AcknowledgementTuple[], reps: readonly RepRef[]): Map<string, Acknowledgement> {
  const nameOf = new Map(reps.map((rep) => [rep.userId, rep.name]));
  return new Map(
    tuples.map(([userId, onBehalfBy, onBehalfName, at]) => [
      userId,
      onBehalfBy ? { userId: onBehalfBy, name: onBehalfName, at: new Date(at), isOnBehalf: true } : { userId, name: nameOf.get(userId) ?? null, at: new Date(at), isOnBehalf: false },
    ]),
  );
}

/** The workspace's members with their names and roles, by name. */
export async function workspaceMembers(db: Db, workspaceId: string): Promise<Member[]> {
  return queryJson<Member>(
    db,
    sql`select m.user_id as "userId", u.name, m.role from memberships m join users u on u.id = m.user_id where m.workspace_id = ${workspaceId}::uuid`,
    sql`x.name, x."userId"`,
  );
}

/** The reps a campaign briefs: those its plan names (still members), else every sales rep of the workspace. */
export function briefedReps(repIds: readonly string[] | null, members: readonly Member[]): RepRef[] {
  const named = repIds === null ? null : new Set(repIds);
  return members.filter((member) => (named ? named.has(member.userId) : member.role === BRIEFED_ROLE)).map(({ userId, name }) => ({ userId, name }));
}

/** The gate's input for one campaign, from its row, the workspace's policy and its reps. */
function gateInput(row: GateRow & { startsOn: string; endsOn: string }, links: CampaignLink[], setup: CampaignSetup, today: string, reps: readonly RepRef[]): ReadinessInput {
  const demands = campaignDemand(links, { launchOn: row.startsOn, endOn: row.endsOn, upliftPercent: row.upliftPercent });
  const confirmed = confirmationsByProduct(parsed<ConfirmationBatch>(row.confirmations));
  const published = parsed<JsonStamp & { version: number; contentKey: string }>(row.versions).map(stamped);
  return {
    today,
    timeZone: setup.timeZone,
    launchOn: row.startsOn,
    endOn: row.endsOn,
    announceOn: row.announceOn,
    offer: row.offer,
    policy: setup.policy,
    stock: links.map(({ product }, i) => ({
      productId: product.productId,
      sku: product.sku,
      name: product.name,
      kind: product.kind,
      demand: demands[i]!,
      confirmation: confirmed.get(product.productId) ?? null,
    })),
    approvals: { termsKey: row.termsKey ?? '', given: parsed<JsonStamp & { role: ApprovalRole; termsKey: string; note: string | null }>(row.approvals).map(stamped) },
    briefing: { contentKey: row.briefingKey ?? '', latest: published.at(-1) ?? null, first: published[0] ?? null },
    reps,
    acknowledgements: acknowledgementsOf(parsed<AcknowledgementTuple>(row.acknowledgements), reps),
  };
}

/**
 * Loads and evaluates the launch gate of campaigns as of `now` in the workspace (its launch
 * policy too, unless given): one statement for the campaigns, one for the members, side by side.
 * Every campaign found comes back; those without launch or end days have no gate (nothing to
 * gate yet).
 */
export async function evaluateGates(db: Db, workspaceId: string, ids: readonly string[], options: { now: Date; setup?: CampaignSetup }): Promise<Gates> {
  const none = ids.length === 0;
  const [setup, rows, members] = await readAll(db, [
    () => (options.setup ? Promise.resolve(options.setup) : loadCampaignSetup(db, workspaceId)),
    () => (none ? Promise.resolve([]) : gateRows(db, workspaceId, ids)),
    () => (none ? Promise.resolve([]) : workspaceMembers(db, workspaceId)),
  ]);
  const today = todayOf(setup, options.now);
  const salesReps = briefedReps(null, members);
  const result: Gates = { setup, today, campaigns: new Map(), gates: new Map() };
  for (const row of rows) {
    const { links: tuples, confirmations: _confirmations, approvals: _approvals, versions: _versions, acknowledgements: _acknowledgements, ...campaign } = row;
    result.campaigns.set(campaign.id, campaign);
    const { startsOn, endsOn } = row;
    if (!startsOn || !endsOn) continue;
    const links = parseLinks(tuples);
    const reps = row.repIds === null ? salesReps : briefedReps(row.repIds, members);
    const input = gateInput({ ...row, startsOn, endsOn }, links, setup, today, reps);
    result.gates.set(campaign.id, { campaign, input, links, report: evaluateReadiness(input) });
  }
  return result;
}
