import { and, eq, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { SlaBreach } from '../../../core/sla/policy.ts';
import { addCalendarDays } from '../../../core/sla/business-time.ts';
import type { Db } from '../../db/client.ts';
import { sweepEachWorkspace } from '../../jobs/each-workspace.ts';
import { leadDefinitions } from '../contract/contract.table.ts';
import { leads } from '../funnel/funnel.table.ts';
import { displayName } from '../funnel/leads.service.ts';
import { users } from '../identity/identity.table.ts';
import { notify } from '../notifications/notify.ts';
import { moveLeads } from '../funnel/stages.service.ts';
import { mayRecycle } from './lead-moves.ts';
import { leadPath, leadsMessage, leadsPath, localTime, type LeadRef } from './messages.ts';
import { idsIn } from '../../db/raw.ts';
import { loadCalendar, salesManagers } from './settings.service.ts';
import { leadHandovers } from './sla.table.ts';

/**
 * The SLA sweep, run every few minutes: for every open handover, tells the rep and the managers
 * once when first contact or the attempts are overdue, and recycles to nurture the MQLs nobody
 * decided in time. Each workspace is swept in its own transaction; stamps make a rerun harmless.
 */

/** How often the job runs. */
export const SLA_SWEEP_EVERY_MS = 5 * 60_000;

export type SweepResult = { workspaces: number; firstContactBreaches: number; attemptsBreaches: number; recycled: number };

type Where = Awaited<ReturnType<typeof loadCalendar>>;
type Breach = SlaBreach & { lead: LeadRef; ownerId: string | null; ownerName: string | null };

const BREACH_TEXT: Record<SlaBreach['kind'], string> = { first_contact: 'first contact', attempts: 'contact attempts' };

function at(now: Date): SQL {
  return sql`${now.toISOString()}::timestamptz`;
}

/** Activities on the handover's lead since it became an MQL, up to `until`. */
function contactsUntil(until: SQL): SQL {
  return sql`from activities a where a.workspace_id = ${leadHandovers.workspaceId} and a.lead_id = ${leadHandovers.leadId}
    and a.occurred_at >= ${leadHandovers.mqlAt} and a.occurred_at <= ${until}`;
}

/** Open handovers with something due: a breach not yet told, or old enough to be stale. */
async function dueHandovers(tx: Db, workspaceId: string, now: Date) {
  const staleAfterDays = sql`(${leadDefinitions.sla}->>'staleAfterDays')::int`;
  const firstContactDue = and(isNull(leadHandovers.firstContactBreachNotifiedAt), lte(leadHandovers.firstContactDueAt, now));
  const attemptsDue = and(isNull(leadHandovers.attemptsBreachNotifiedAt), lte(leadHandovers.attemptsDueAt, now));
  return tx
    .select({
      leadId: leadHandovers.leadId,
      ownerId: leadHandovers.ownerId,
      ownerName: users.name,
      mqlAt: leadHandovers.mqlAt,
      firstContactDueAt: leadHandovers.firstContactDueAt,
      attemptsDueAt: leadHandovers.attemptsDueAt,
      sla: leadDefinitions.sla,
      firstName: leads.firstName,
      lastName: leads.lastName,
      email: leads.email,
      firstContactMissed: sql<boolean>`coalesce(${firstContactDue}, false) and not exists (select 1 ${contactsUntil(at(now))})`,
      attemptsMissed: sql<boolean>`coalesce(${attemptsDue}, false)
        and (select count(*) ${contactsUntil(sql`${leadHandovers.attemptsDueAt}`)}) < (${leadDefinitions.sla}->>'attempts')::int`,
    })
    .from(leadHandovers)
    .innerJoin(leadDefinitions, and(eq(leadDefinitions.workspaceId, leadHandovers.workspaceId), eq(leadDefinitions.version, leadHandovers.version)))
    .innerJoin(leads, and(eq(leads.workspaceId, leadHandovers.workspaceId), eq(leads.id, leadHandovers.leadId)))
    .leftJoin(users, eq(users.id, leadHandovers.ownerId))
    .where(and(
      eq(leadHandovers.workspaceId, workspaceId),
      isNull(leadHandovers.decision),
      or(firstContactDue, attemptsDue, sql`${leadHandovers.mqlAt} <= ${at(now)} - make_interval(days => ${staleAfterDays} - 1)`),
    ));
}

type DueHandover = Awaited<ReturnType<typeof dueHandovers>>[number];

/** Stamps the breach notice on the handovers still open and not yet told, and returns those. */
async function stampBreaches(tx: Db, workspaceId: string, kind: SlaBreach['kind'], leadIds: string[], now: Date): Promise<Set<string>> {
  if (leadIds.length === 0) return new Set();
  const column = kind === 'first_contact' ? leadHandovers.firstContactBreachNotifiedAt : leadHandovers.attemptsBreachNotifiedAt;
  const stamp = kind === 'first_contact' ? { firstContactBreachNotifiedAt: now } : { attemptsBreachNotifiedAt: now };
  const rows = await tx
    .update(leadHandovers)
    .set(stamp)
    .where(and(eq(leadHandovers.workspaceId, workspaceId), idsIn(leadHandovers.leadId, leadIds), isNull(leadHandovers.decision), isNull(column)))
    .returning({ leadId: leadHandovers.leadId });
  return new Set(rows.map((row) => row.leadId));
}

async function newBreaches(tx: Db, workspaceId: string, due: DueHandover[], now: Date): Promise<Breach[]> {
  const breachOf = (kind: SlaBreach['kind']) => (h: DueHandover): Breach => ({
    kind,
    dueAt: kind === 'first_contact' ? h.firstContactDueAt! : h.attemptsDueAt!,
    lead: { id: h.leadId, name: displayName(h) },
    ownerId: h.ownerId,
    ownerName: h.ownerName,
  });
  const firstContact = due.filter((h) => h.firstContactMissed).map(breachOf('first_contact'));
  const attempts = due.filter((h) => h.attemptsMissed).map(breachOf('attempts'));
  const told = {
    first_contact: await stampBreaches(tx, workspaceId, 'first_contact', firstContact.map((b) => b.lead.id), now),
    attempts: await stampBreaches(tx, workspaceId, 'attempts', attempts.map((b) => b.lead.id), now),
  };
  return [...firstContact, ...attempts].filter((breach) => told[breach.kind].has(breach.lead.id));
}

function breachMessage(breaches: Breach[], slug: string, timeZone: string, listFilter: Record<string, string>, whose: string) {
  const [first] = breaches;
  return leadsMessage('sla_breach', breaches.map((b) => b.lead), {
    one: (lead) => ({
      title: `SLA breached: ${BREACH_TEXT[first!.kind]} for ${lead.name}`,
      body: `The ${BREACH_TEXT[first!.kind]} for ${lead.name}${first!.ownerName ? ` (${first!.ownerName})` : ' (no rep)'} was due by ${localTime(timeZone, first!.dueAt)}.`,
      link: leadPath(slug, lead.id),
    }),
    many: (list) => ({
      title: `${list.length} SLA breaches on ${whose} MQLs`,
      body: breaches.map((b) => `${b.lead.name}: ${BREACH_TEXT[b.kind]}`).slice(0, 10).join('; ') + (breaches.length > 10 ? '; …' : ''),
      link: leadsPath(slug, listFilter),
    }),
  }, { kinds: [...new Set(breaches.map((b) => b.kind))] });
}

/** Each rep hears about their own breaches, the managers about all of them: one message each per sweep. */
async function notifyBreaches(tx: Db, workspaceId: string, where: Where, breaches: Breach[], now: Date): Promise<void> {
  if (breaches.length === 0) return;
  const { slug, calendar } = where;
  const byOwner = new Map<string, Breach[]>();
  for (const breach of breaches) if (breach.ownerId) byOwner.set(breach.ownerId, [...(byOwner.get(breach.ownerId) ?? []), breach]);
  for (const [ownerId, mine] of byOwner) {
    const message = breachMessage(mine, slug, calendar.timeZone, { ownerId, stage: 'mql' }, 'your');
    await notify(tx, { workspaceId, now, recipients: [ownerId], message });
  }
  const message = breachMessage(breaches, slug, calendar.timeZone, { stage: 'mql' }, 'the team’s');
  await notify(tx, { workspaceId, now, recipients: await salesManagers(tx, workspaceId), message });
}

/** Marks the stale handovers recycled and sends their leads back to nurture; returns how many. */
async function recycleStale(tx: Db, workspaceId: string, stale: DueHandover[], now: Date): Promise<number> {
  if (stale.length === 0) return 0;
  const recycled = await tx
    .update(leadHandovers)
    .set({ decision: 'recycled', decidedAt: now })
    .where(and(eq(leadHandovers.workspaceId, workspaceId), idsIn(leadHandovers.leadId, stale.map((h) => h.leadId)), isNull(leadHandovers.decision)))
    .returning({ leadId: leadHandovers.leadId });
  const days = new Map(stale.map((h) => [h.leadId, h.sla.staleAfterDays]));
  const moves = recycled.map(({ leadId }) => ({ leadId, reason: `Neither accepted nor rejected within ${days.get(leadId)} days` }));
  await moveLeads(tx, workspaceId, moves, 'nurture', { at: now, cause: 'sla_stale', actorId: null }, mayRecycle);
  return recycled.length;
}

async function sweepWorkspace(tx: Db, workspaceId: string, now: Date): Promise<Omit<SweepResult, 'workspaces'>> {
  const due = await dueHandovers(tx, workspaceId, now);
  const where = await loadCalendar(tx, workspaceId);
  const { calendar } = where;
  const isStale = (h: DueHandover) => now >= addCalendarDays(calendar.timeZone, h.mqlAt, h.sla.staleAfterDays);
  const stale = due.filter(isStale);
  const breaches = await newBreaches(tx, workspaceId, due.filter((h) => !isStale(h)), now);
  await notifyBreaches(tx, workspaceId, where, breaches, now);
  return {
    firstContactBreaches: breaches.filter((b) => b.kind === 'first_contact').length,
    attemptsBreaches: breaches.filter((b) => b.kind === 'attempts').length,
    recycled: await recycleStale(tx, workspaceId, stale, now),
  };
}

/**
 * Sweeps every workspace with open handovers. A workspace that fails does not stop the others;
 * the failures are thrown together at the end.
 */
export async function sweepSla(db: Db, now: Date): Promise<SweepResult> {
  const open = await db.selectDistinct({ workspaceId: leadHandovers.workspaceId }).from(leadHandovers).where(isNull(leadHandovers.decision));
  const zero = { firstContactBreaches: 0, attemptsBreaches: 0, recycled: 0 };
  return sweepEachWorkspace(db, open.map((row) => row.workspaceId), 'SLA sweep', zero, (tx, workspaceId) => sweepWorkspace(tx, workspaceId, now));
}
