import { sql, type SQL } from 'drizzle-orm';
import type { FunnelStage } from '../../../core/funnel/stages.ts';
import type { CustomValue, ScoringSubject, ScoringTouchpoint } from '../../../core/scoring/evaluate.ts';
import type { LeadStage } from '../../../core/funnel/stages.ts';
import type { Db } from '../../db/client.ts';
import { arrayParam, queryRows } from '../../db/raw.ts';

/** A lead as scoring, routing and backtests read it: the scoring subject and what became of the lead. */
export type ScoredLead = {
  id: string;
  name: string;
  stage: LeadStage;
  createdAt: Date;
  subject: ScoringSubject;
  /** The furthest funnel stages reached, for backtests. */
  reached: Partial<Record<FunnelStage, boolean>>;
};

type SubjectRow = {
  id: string;
  name: string;
  stage: LeadStage;
  created_at: string | Date;
  title: string | null;
  email: string | null;
  country: string | null;
  source: string | null;
  channel: string | null;
  custom: Record<string, CustomValue>;
  a_employees: number | null;
  a_industry: string | null;
  a_country: string | null;
  a_domain: string | null;
  has_account: boolean;
  reached_sql: boolean;
  reached_opportunity: boolean;
  reached_customer: boolean;
};

/** A touchpoint of the page's `lead`th lead (from 1). */
type TouchRow = { lead: number; type: ScoringTouchpoint['type']; url: string | null; campaign_id: string | null; channel: string | null; at: number };

type TouchTuple = [type: ScoringTouchpoint['type'], url: string | null, campaignId: string | null, channel: string | null, at: number];

export type LoadOptions = {
  order?: SQL;
  limit?: number;
  /**
   * A handful of leads (one touchpoint's): their touchpoints come inside the leads' statement,
   * as JSON, which saves a round trip. For pages of hundreds, a second statement of rows is cheaper.
   */
  few?: boolean;
};

/** Each lead's touchpoints as JSON tuples, for the leads' own statement. */
const touchTuples = sql`(
  select json_agg(json_build_array(t.type, t.url, t.campaign_id, t.channel, floor(date_part('epoch', t.occurred_at) * 1000)))::text
  from touchpoints t where t.workspace_id = l.workspace_id and t.lead_id = l.id) as touches`;

/**
 * Leads with their account and touchpoints: two plain statements, the leads and then their
 * touchpoints as rows (epoch ms as a float: cheaper to send and parse than timestamps or
 * per-lead JSON, which made the database spend most of its time building arrays); or one
 * statement for a few leads. The account is a lateral lookup: joined plainly, a page of 1,000
 * ids made the planner hash every account.
 */
export async function loadScoredLeads(db: Db, workspaceId: string, where: SQL, options: LoadOptions = {}): Promise<ScoredLead[]> {
  const rows = await queryRows<SubjectRow & { touches?: string | null }>(db, sql`
    select l.id, trim(concat_ws(' ', l.first_name, l.last_name, case when l.first_name is null and l.last_name is null then l.email end)) as name,
      l.stage, l.created_at, l.title, l.email, coalesce(l.country, a.country) as country, l.source, l.channel, l.custom,
      a.employees as a_employees, a.industry as a_industry, a.country as a_country, a.domain as a_domain, a.id is not null as has_account,
      coalesce(l.reached_sql_at, l.reached_opportunity_at, l.reached_customer_at) is not null as reached_sql,
      coalesce(l.reached_opportunity_at, l.reached_customer_at) is not null as reached_opportunity,
      l.reached_customer_at is not null as reached_customer
      ${options.few ? sql`, ${touchTuples}` : sql``}
    from leads l
    left join lateral (select * from accounts a where a.workspace_id = l.workspace_id and a.id = l.account_id limit 1) a on true
    where l.workspace_id = ${workspaceId}::uuid and ${where}
    order by ${options.order ?? sql`l.id`}
    ${options.limit ? sql`limit ${options.limit}` : sql``}`);
  if (options.few) return rows.map((row) => toScoredLead(row, JSON.parse(row.touches ?? '[]').map(touchOf)));
  if (rows.length === 0) return [];
  const touches = await queryRows<TouchRow>(db, sql`
    select p.n::int as lead, t.type, t.url, t.campaign_id, t.channel, floor(date_part('epoch', t.occurred_at) * 1000) as at
    from unnest(${arrayParam(rows.map((row) => row.id), 'uuid')}) with ordinality as p(id, n)
    join touchpoints t on t.workspace_id = ${workspaceId}::uuid and t.lead_id = p.id`);
  const touchesOf = groupTouches(touches, rows.length);
  return rows.map((row, i) => toScoredLead(row, touchesOf[i]!));
}

function touchOf([type, url, campaignId, channel, at]: TouchTuple): ScoringTouchpoint {
  return { type, url, campaignId, channel, occurredAt: new Date(at) };
}

/** The touchpoints of each lead, by the lead's position in the page. */
function groupTouches(rows: TouchRow[], leads: number): ScoringTouchpoint[][] {
  const byLead = Array.from({ length: leads }, (): ScoringTouchpoint[] => []);
  for (const row of rows) byLead[row.lead - 1]!.push(touchOf([row.type, row.url, row.campaign_id, row.channel, Number(row.at)]));
  return byLead;
}

function toScoredLead(row: SubjectRow, touchpoints: ScoringTouchpoint[]): ScoredLead {
  return {
    id: row.id,
    name: row.name || 'Unnamed lead',
    stage: row.stage,
    createdAt: new Date(row.created_at),
    subject: {
      lead: { title: row.title, email: row.email, country: row.country, source: row.source, channel: row.channel, custom: row.custom ?? {} },
      account: row.has_account ? { employees: row.a_employees, industry: row.a_industry, country: row.a_country, domain: row.a_domain } : null,
      touchpoints,
    },
    reached: { sql: row.reached_sql, opportunity: row.reached_opportunity, customer: row.reached_customer },
  };
}

/** The ids of the workspace's leads that match, in pages: what bulk scoring walks through. */
export async function leadIdPages(db: Db, workspaceId: string, where: SQL, pageSize: number): Promise<string[][]> {
  const rows = await queryRows<{ id: string }>(db, sql`select l.id from leads l where l.workspace_id = ${workspaceId}::uuid and ${where} order by l.id`);
  const pages: string[][] = [];
  for (let i = 0; i < rows.length; i += pageSize) pages.push(rows.slice(i, i + pageSize).map((row) => row.id));
  return pages;
}

export const byIds = (ids: readonly string[]) => sql`l.id = any(${arrayParam(ids, 'uuid')})`;

/**
 * The pages of leads, loaded `depth` at a time ahead of the one being worked on: on PostgreSQL
 * the loads run on other connections while this process scores and writes.
 */
export async function* prefetchedPages(db: Db, workspaceId: string, pages: readonly (readonly string[])[], depth = 2): AsyncGenerator<ScoredLead[]> {
  const load = (ids: readonly string[]) => loadScoredLeads(db, workspaceId, byIds(ids));
  const inFlight: Promise<ScoredLead[]>[] = [];
  const start = (index: number) => {
    const loading = load(pages[index]!);
    loading.catch(() => undefined); // surfaces when awaited below, not as an unhandled rejection meanwhile
    inFlight.push(loading);
  };
  let next = 0;
  while (next < Math.min(depth, pages.length)) start(next++);
  while (inFlight.length > 0) {
    const leads = await inFlight.shift()!;
    if (next < pages.length) start(next++);
    yield leads;
  }
}
