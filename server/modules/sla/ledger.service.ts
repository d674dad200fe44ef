import { gte, lt } from 'drizzle-orm';
import type { LedgerQuery } from '../../../core/schemas/sales.ts';
import type { SlaPolicy } from '../../../core/schemas/sla.ts';
import { zonedTimeToUtc } from '../../../core/sla/business-time.ts';
import { marketingLedger, salesLedger, type LeadDecision, type MarketingLedgerLine, type MarketingMonth, type SalesLedger, type SalesLedgerRow } from '../../../core/sla/ledger.ts';
import type { SlaBreach } from '../../../core/sla/policy.ts';
import type { ServiceContext } from '../../http/context.ts';
import { displayName } from '../funnel/leads.service.ts';
import { evaluateHandover, selectHandovers, type HandoverRecord } from './handovers.service.ts';
import { activeContract } from '../contract/contract.service.ts';
import { slaPolicies } from './queries.ts';
import { loadCalendar } from './settings.service.ts';
import { leadHandovers } from './sla.table.ts';

/** The two-sided SLA ledger over a period of MQLs: Sales per rep and per source, Marketing per month, every breach. */

const DAY = 86_400_000;

function dayOf(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

/** Today's date where the calendar is: 'YYYY-MM-DD'. */
function localDay(timeZone: string, now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

type Period = { from: string; to: string; start: Date; end: Date; months: { month: string; start: Date }[] };

/** The days asked for (default: this month and the two before), as instants in the calendar's zone, and their months. */
function ledgerPeriod(timeZone: string, query: LedgerQuery, now: Date): Period {
  const [year, month] = localDay(timeZone, now).split('-').map(Number) as [number, number];
  const from = query.from ?? dayOf(Date.UTC(year, month - 3, 1));
  const to = query.to ?? dayOf(Date.UTC(year, month, 0));
  const months: Period['months'] = [];
  for (let m = new Date(`${from.slice(0, 7)}-01T00:00:00Z`); dayOf(m.getTime()) <= to; m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1))) {
    const label = dayOf(m.getTime()).slice(0, 7);
    months.push({ month: label, start: zonedTimeToUtc(timeZone, `${label}-01T00:00`) });
  }
  return {
    from,
    to,
    start: zonedTimeToUtc(timeZone, `${from}T00:00`),
    end: zonedTimeToUtc(timeZone, `${dayOf(Date.parse(to) + DAY)}T00:00`),
    months,
  };
}

function decisionOf(record: HandoverRecord): LeadDecision | null {
  if (record.decision === 'accepted') return { kind: 'accepted' };
  if (record.decision === 'rejected' && record.rejectionReason) return { kind: 'rejected', reason: record.rejectionReason };
  return null;
}

/** MQLs per month of becoming one, with how Sales decided them. */
function marketingMonths(period: Period, records: HandoverRecord[]): MarketingMonth[] {
  const months = period.months.map(({ month }): MarketingMonth => ({ month, mqls: 0, accepted: 0, rejected: 0, rejectedByReason: {} }));
  for (const record of records) {
    const index = period.months.findLastIndex((month) => month.start <= record.mqlAt);
    const month = months[Math.max(index, 0)]!;
    month.mqls += 1;
    if (record.decision === 'accepted') month.accepted += 1;
    if (record.decision === 'rejected') {
      month.rejected += 1;
      const reason = record.rejectionReason ?? 'other';
      month.rejectedByReason[reason] = (month.rejectedByReason[reason] ?? 0) + 1;
    }
  }
  return months;
}

export type LedgerBreach = { leadId: string; leadName: string; ownerId: string | null; ownerName: string | null; kind: SlaBreach['kind']; dueAt: Date; source: string | null };

export type SlaLedgerReport = {
  from: string;
  to: string;
  sales: { byOwner: SalesLedger & { groups: (SalesLedger['groups'][number] & { name: string | null })[] }; bySource: SalesLedger };
  /** Empty while no lead contract version is active: its SLA holds Marketing's targets. */
  marketing: MarketingLedgerLine[];
  breaches: LedgerBreach[];
  policy: SlaPolicy | null;
  version: number | null;
};

/**
 * The ledger of the MQLs that qualified in the period, each judged as of now under the SLA of
 * the contract version that qualified it; Marketing's targets are the active version's.
 */
export async function slaLedger(ctx: ServiceContext, query: LedgerQuery): Promise<SlaLedgerReport> {
  const { calendar } = await loadCalendar(ctx.db, ctx.workspaceId);
  const period = ledgerPeriod(calendar.timeZone, query, ctx.now);
  const records = await selectHandovers(ctx.db, ctx.workspaceId, gte(leadHandovers.mqlAt, period.start), lt(leadHandovers.mqlAt, period.end));
  const policies = await slaPolicies(ctx.db, ctx.workspaceId, records.map((record) => record.version));
  const judged = records.flatMap((record) => {
    const policy = policies.get(record.version);
    return policy ? [{ record, sla: evaluateHandover(record, policy, calendar, ctx.now) }] : [];
  });
  const rows: SalesLedgerRow[] = judged.map(({ record, sla }) => ({ ownerId: record.ownerId, source: record.source, sla, decision: decisionOf(record) }));
  const ownerNames = new Map(records.map((record) => [record.ownerId, record.ownerName]));
  const byOwner = salesLedger(rows, 'owner');
  const breaches = judged
    .flatMap(({ record, sla }) => sla.breaches.map((breach): LedgerBreach => ({
      leadId: record.leadId,
      leadName: displayName(record),
      ownerId: record.ownerId,
      ownerName: record.ownerName,
      kind: breach.kind,
      dueAt: breach.dueAt,
      source: record.source,
    })))
    .sort((a, b) => b.dueAt.getTime() - a.dueAt.getTime());
  const active = await activeContract(ctx.db, ctx.workspaceId);
  return {
    from: period.from,
    to: period.to,
    sales: {
      byOwner: { ...byOwner, groups: byOwner.groups.map((line) => ({ ...line, name: ownerNames.get(line.group) ?? null })) },
      bySource: salesLedger(rows, 'source'),
    },
    marketing: active ? marketingLedger(active.sla, marketingMonths(period, records)) : [],
    breaches,
    policy: active?.sla ?? null,
    version: active?.version ?? null,
  };
}
