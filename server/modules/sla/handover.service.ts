import { and, eq, sql } from 'drizzle-orm';
import { chooseRep, type RoutingCursor, type RoutingLead, type RoutingRep } from '../../../core/routing/assign.ts';
import { FALLBACK_POOL, type RoutingRules } from '../../../core/schemas/routing.ts';
import type { SlaPolicy, WorkingCalendar } from '../../../core/schemas/sla.ts';
import { addBusinessHours, addCalendarDays } from '../../../core/sla/business-time.ts';
import { buildHandoverNote, type HandoverNote } from '../../../core/sla/handover.ts';
import type { LeadScore } from '../../../core/scoring/evaluate.ts';
import type { Db } from '../../db/client.ts';
import type { ServiceContext } from '../../http/context.ts';
import { accounts, campaigns, deals, leads } from '../funnel/funnel.table.ts';
import { displayName } from '../funnel/leads.service.ts';
import { notify } from '../notifications/notify.ts';
import { leadPath, leadsMessage, leadsPath, localTime, namesOf, type LeadRef } from './messages.ts';
import { arrayParam, idsIn, queryRows } from '../../db/raw.ts';
import { loadReps, loadSalesSetup, routingReps, salesManagers, saveRoutingCursor, type SalesSetup } from './settings.service.ts';
import { leadHandovers } from './sla.table.ts';

/** An MQL to hand to Sales: the lead, when it qualified, under which contract version, and its score. */
export type MqlHandover = { leadId: string; mqlAt: Date; version: number; sla: SlaPolicy; score: LeadScore };

type HandoverRow = Omit<typeof leadHandovers.$inferSelect, 'decision' | 'decidedAt' | 'decidedBy' | 'rejectionReason' | 'rejectionNote' | 'firstContactBreachNotifiedAt' | 'attemptsBreachNotifiedAt'>;
type Routed = { row: HandoverRow; lead: LeadRef };

/** What the note and the routing need to know of a lead. */
type LeadContext = {
  ref: LeadRef;
  routing: RoutingLead;
  campaign: HandoverNote['campaign'];
  account: HandoverNote['account'];
  touchpoints: HandoverNote['latestTouchpoints'];
};

const LATEST_TOUCHPOINTS = 5;

function firstPerLead(items: readonly MqlHandover[]): MqlHandover[] {
  const byLead = new Map<string, MqlHandover>();
  for (const item of items) if (!byLead.has(item.leadId)) byLead.set(item.leadId, item);
  return [...byLead.values()];
}

/** The items whose lead holds no handover yet: an MQL is handed over once. */
async function withoutHandover(tx: Db, workspaceId: string, items: MqlHandover[]): Promise<MqlHandover[]> {
  const taken = await tx
    .select({ leadId: leadHandovers.leadId })
    .from(leadHandovers)
    .where(and(eq(leadHandovers.workspaceId, workspaceId), idsIn(leadHandovers.leadId, items.map((item) => item.leadId))));
  const takenIds = new Set(taken.map((row) => row.leadId));
  return items.filter((item) => !takenIds.has(item.leadId));
}

/** Open and won deals per account. */
async function dealCounts(tx: Db, workspaceId: string, accountIds: string[]): Promise<Map<string, { open: number; won: number }>> {
  if (accountIds.length === 0) return new Map();
  const rows = await tx
    .select({
      accountId: deals.accountId,
      open: sql<number>`(count(*) filter (where ${deals.status} = 'open'))::int`,
      won: sql<number>`(count(*) filter (where ${deals.status} = 'won'))::int`,
    })
    .from(deals)
    .where(and(eq(deals.workspaceId, workspaceId), idsIn(deals.accountId, accountIds)))
    .groupBy(deals.accountId);
  return new Map(rows.map((row) => [row.accountId!, { open: Number(row.open), won: Number(row.won) }]));
}

/** The latest touchpoints of every lead, in one query that reads only those rows of the index. */
async function latestTouchpoints(tx: Db, workspaceId: string, leadIds: string[]): Promise<Map<string, HandoverNote['latestTouchpoints']>> {
  const rows = await queryRows<{ lead_id: string; type: string; url: string | null; channel: string | null; occurred_at: string }>(tx, sql`
    select l.id as lead_id, t.type, t.url, t.channel, to_json(t.occurred_at) as occurred_at
    from unnest(${arrayParam(leadIds, 'uuid')}) as l(id)
    cross join lateral (
      select type, url, channel, occurred_at from touchpoints
      where workspace_id = ${workspaceId}::uuid and lead_id = l.id
      order by occurred_at desc
      limit ${LATEST_TOUCHPOINTS}
    ) t`);
  const byLead = new Map<string, HandoverNote['latestTouchpoints']>();
  for (const row of rows) {
    const touch = { type: row.type, url: row.url, channel: row.channel, occurredAt: new Date(row.occurred_at).toISOString() };
    byLead.set(row.lead_id, [...(byLead.get(row.lead_id) ?? []), touch]);
  }
  return byLead;
}

async function loadLeadContexts(tx: Db, workspaceId: string, leadIds: string[]): Promise<Map<string, LeadContext>> {
  const rows = await tx
    .select({
      lead: { id: leads.id, firstName: leads.firstName, lastName: leads.lastName, email: leads.email, country: leads.country, source: leads.source, campaignId: leads.campaignId },
      account: { id: accounts.id, name: accounts.name, industry: accounts.industry, employees: accounts.employees, country: accounts.country },
      campaignName: campaigns.name,
    })
    .from(leads)
    .leftJoin(accounts, and(eq(accounts.workspaceId, leads.workspaceId), eq(accounts.id, leads.accountId)))
    .leftJoin(campaigns, and(eq(campaigns.workspaceId, leads.workspaceId), eq(campaigns.id, leads.campaignId)))
    .where(and(eq(leads.workspaceId, workspaceId), idsIn(leads.id, leadIds)));
  const accountIds = [...new Set(rows.flatMap((row) => (row.account ? [row.account.id] : [])))];
  const dealsByAccount = await dealCounts(tx, workspaceId, accountIds);
  const touchesByLead = await latestTouchpoints(tx, workspaceId, leadIds);
  return new Map(rows.map(({ lead, account, campaignName }) => {
    const counts = account ? dealsByAccount.get(account.id) : undefined;
    const context: LeadContext = {
      ref: { id: lead.id, name: displayName(lead) },
      routing: { country: lead.country ?? account?.country ?? null, industry: account?.industry ?? null, employees: account?.employees ?? null, source: lead.source },
      campaign: lead.campaignId && campaignName !== null ? { id: lead.campaignId, name: campaignName } : null,
      account: account
        ? { name: account.name, industry: account.industry, employees: account.employees, country: account.country, openDeals: counts?.open ?? 0, wonDeals: counts?.won ?? 0 }
        : null,
      touchpoints: touchesByLead.get(lead.id) ?? [],
    };
    return [lead.id, context];
  }));
}

/** Sales' two SLA deadlines for an MQL whose clock starts at `start` (its assignment, or when it qualified). */
export function slaClocks(calendar: WorkingCalendar, start: Date, sla: SlaPolicy): { firstContactDueAt: Date; attemptsDueAt: Date } {
  return {
    firstContactDueAt: addBusinessHours(calendar, start, sla.firstContactHours),
    attemptsDueAt: addCalendarDays(calendar.timeZone, start, sla.attemptsWithinDays),
  };
}

function poolLabel(routing: RoutingRules, ruleId: string): string {
  if (ruleId === FALLBACK_POOL) return 'Fallback pool';
  return `Rule: ${routing.rules.find((rule) => rule.id === ruleId)?.label ?? ruleId}`;
}

/** Routes every MQL in turn, advancing the cursor and each rep's open count as it goes. */
function route(ctx: ServiceContext, items: MqlHandover[], contexts: Map<string, LeadContext>, setup: SalesSetup, reps: RoutingRep[]): { routed: Routed[]; cursor: RoutingCursor } {
  let cursor = setup.cursor;
  const repsById = new Map(reps.map((rep) => [rep.id, rep]));
  const routed: Routed[] = [];
  for (const item of items) {
    const context = contexts.get(item.leadId);
    if (!context) continue;
    const decision = chooseRep(setup.routing, reps, context.routing, cursor);
    const assignedAt = decision.repId === null ? null : ctx.now;
    const clockStart = assignedAt ?? item.mqlAt;
    if (decision.repId !== null) {
      cursor = decision.nextCursor;
      repsById.get(decision.repId)!.openLeads += 1;
    }
    const note = buildHandoverNote({
      version: item.version,
      fit: item.score.fit,
      engagement: item.score.engagement,
      leadName: context.ref.name,
      breakdown: item.score.breakdown,
      touchpoints: context.touchpoints,
      campaign: context.campaign,
      account: context.account,
    });
    routed.push({
      lead: context.ref,
      row: {
        workspaceId: ctx.workspaceId,
        leadId: item.leadId,
        version: item.version,
        mqlAt: item.mqlAt,
        ownerId: decision.repId,
        assignedAt,
        routingRule: decision.repId === null ? null : decision.ruleId,
        routingNote: decision.repId === null ? decision.reason : poolLabel(setup.routing, decision.ruleId),
        note,
        ...slaClocks(setup.calendar, clockStart, item.sla),
      },
    });
  }
  return { routed, cursor };
}

/**
 * Inserts the handovers through one JSON parameter and returns those stored: a lead handed over
 * meanwhile by someone else is left alone.
 */
async function insertHandovers(tx: Db, workspaceId: string, routed: Routed[]): Promise<Routed[]> {
  if (routed.length === 0) return [];
  const rows = routed.map(({ row }) => ({
    lead_id: row.leadId,
    version: row.version,
    mql_at: row.mqlAt,
    owner_id: row.ownerId,
    assigned_at: row.assignedAt,
    routing_rule: row.routingRule,
    routing_note: row.routingNote,
    note: row.note,
    first_contact_due_at: row.firstContactDueAt,
    attempts_due_at: row.attemptsDueAt,
  }));
  const stored = await queryRows<{ lead_id: string }>(tx, sql`
    insert into lead_handovers (workspace_id, lead_id, version, mql_at, owner_id, assigned_at, routing_rule, routing_note, note, first_contact_due_at, attempts_due_at)
    select ${workspaceId}::uuid, lead_id, version, mql_at, owner_id, assigned_at, routing_rule, routing_note, note, first_contact_due_at, attempts_due_at
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(
      lead_id uuid, version int, mql_at timestamptz, owner_id uuid, assigned_at timestamptz, routing_rule text, routing_note text,
      note jsonb, first_contact_due_at timestamptz, attempts_due_at timestamptz)
    on conflict (workspace_id, lead_id) do nothing
    returning lead_id`);
  const storedIds = new Set(stored.map((row) => row.lead_id));
  return routed.filter((r) => storedIds.has(r.row.leadId));
}

async function assignOwners(tx: Db, workspaceId: string, routed: Routed[], now: Date): Promise<void> {
  const owners = routed.filter((r) => r.row.ownerId).map((r) => ({ id: r.row.leadId, owner_id: r.row.ownerId }));
  if (owners.length === 0) return;
  await tx.execute(sql`
    update leads set owner_id = x.owner_id, updated_at = ${now.toISOString()}::timestamptz
    from jsonb_to_recordset(${JSON.stringify(owners)}::jsonb) as x(id uuid, owner_id uuid)
    where leads.workspace_id = ${workspaceId}::uuid and leads.id = x.id`);
}

function groupByOwner(routed: Routed[]): Map<string, Routed[]> {
  const byOwner = new Map<string, Routed[]>();
  for (const r of routed) if (r.row.ownerId) byOwner.set(r.row.ownerId, [...(byOwner.get(r.row.ownerId) ?? []), r]);
  return byOwner;
}

/** Each rep hears once per hand-over: about their MQL, or about all of them at once. */
async function notifyReps(tx: Db, ctx: ServiceContext, setup: SalesSetup, routed: Routed[]): Promise<void> {
  const timeZone = setup.calendar.timeZone;
  for (const [ownerId, mine] of groupByOwner(routed)) {
    const firstDue = localTime(timeZone, new Date(Math.min(...mine.map((r) => r.row.firstContactDueAt!.getTime()))));
    const message = leadsMessage('mql_assigned', mine.map((r) => r.lead), {
      one: (lead) => ({ title: `New MQL for you: ${lead.name}`, body: `${mine[0]!.row.note.summary} First contact due by ${firstDue}.`, link: leadPath(setup.slug, lead.id) }),
      many: (list) => ({
        title: `${list.length} new MQLs for you`,
        body: `${namesOf(list)}. First contact due from ${firstDue}.`,
        link: leadsPath(setup.slug, { ownerId, stage: 'mql' }),
      }),
    });
    await notify(tx, { workspaceId: ctx.workspaceId, now: ctx.now, recipients: [ownerId], message });
  }
}

/** The managers hear about the MQLs no rep could take, with why. */
async function notifyUnassigned(tx: Db, ctx: ServiceContext, setup: SalesSetup, routed: Routed[]): Promise<void> {
  const orphans = routed.filter((r) => !r.row.ownerId);
  if (orphans.length === 0) return;
  const reasons = [...new Set(orphans.map((r) => r.row.routingNote!))];
  const message = leadsMessage('mql_unassigned', orphans.map((r) => r.lead), {
    one: (lead) => ({ title: `MQL without a rep: ${lead.name}`, body: `${reasons[0]}.`, link: leadPath(setup.slug, lead.id) }),
    many: (list) => ({ title: `${list.length} MQLs found no rep`, body: `${namesOf(list)}. ${reasons.join('; ')}.`, link: leadsPath(setup.slug, { stage: 'mql' }) }),
  }, { reasons });
  await notify(tx, { workspaceId: ctx.workspaceId, now: ctx.now, recipients: await salesManagers(tx, ctx.workspaceId), message });
}

/**
 * Hands new MQLs to Sales inside the caller's transaction: routes each to a rep (rules, round
 * robin, availability, capacity), sets the lead's owner, stores the handover with its note and
 * SLA clocks, keeps the routing cursor, and tells the reps, or the managers when nobody could
 * take one. A lead already handed over is skipped. A few queries whatever the number of MQLs.
 */
export async function handOverMqls(tx: Db, ctx: ServiceContext, items: MqlHandover[]): Promise<void> {
  if (items.length === 0) return;
  const fresh = await withoutHandover(tx, ctx.workspaceId, firstPerLead(items));
  if (fresh.length === 0) return;
  const reps = await loadReps(tx, ctx.workspaceId);
  const setup = await loadSalesSetup(tx, ctx.workspaceId, reps);
  const contexts = await loadLeadContexts(tx, ctx.workspaceId, fresh.map((item) => item.leadId));
  const { routed, cursor } = route(ctx, fresh, contexts, setup, routingReps(reps));
  const stored = await insertHandovers(tx, ctx.workspaceId, routed);
  await assignOwners(tx, ctx.workspaceId, stored, ctx.now);
  if (cursor !== setup.cursor) await saveRoutingCursor(tx, ctx.workspaceId, cursor, ctx.now);
  await notifyReps(tx, ctx, setup, stored);
  await notifyUnassigned(tx, ctx, setup, stored);
}
