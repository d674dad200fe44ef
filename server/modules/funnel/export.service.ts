import { and, desc, eq, lt, or, type SQL } from 'drizzle-orm';
import { csvLine } from '../../../core/csv/export.ts';
import type { LeadFilter } from '../../../core/schemas/funnel.ts';
import type { ServiceContext } from '../../http/context.ts';
import { users } from '../identity/identity.table.ts';
import { accounts, deals, leads } from './funnel.table.ts';
import { filterConditions } from './leads.service.ts';

const PAGE = 5_000;

const LEAD_COLUMNS = [
  'id', 'external_id', 'email', 'first_name', 'last_name', 'title', 'company', 'country', 'stage', 'stage_changed_at',
  'source', 'channel', 'utm_source', 'utm_medium', 'utm_campaign', 'owner', 'created_at',
];

const DEAL_COLUMNS = [
  'id', 'external_id', 'name', 'account', 'lead_email', 'amount', 'list_amount', 'discount_rate', 'currency', 'status',
  'stage', 'loss_reason', 'competitor', 'created_at', 'closed_at',
];

function iso(date: Date | null): string | null {
  return date ? date.toISOString() : null;
}

function newestFirstAfter(table: typeof leads | typeof deals, last: { createdAt: Date; id: string } | null): SQL[] {
  return last ? [or(lt(table.createdAt, last.createdAt), and(eq(table.createdAt, last.createdAt), lt(table.id, last.id)))!] : [];
}

/**
 * The leads matching a filter as CSV, newest first, written page by page so that a million
 * rows never sit in memory. Every cell is safe to open in a spreadsheet (no formulas).
 */
export async function* exportLeadsCsv(ctx: ServiceContext, filter: LeadFilter): AsyncGenerator<string> {
  yield csvLine(LEAD_COLUMNS);
  let last: { createdAt: Date; id: string } | null = null;
  for (;;) {
    const rows: { lead: typeof leads.$inferSelect; owner: string | null }[] = await ctx.db
      .select({ lead: leads, owner: users.name })
      .from(leads)
      .leftJoin(users, eq(users.id, leads.ownerId))
      .where(and(...filterConditions(ctx.workspaceId, { ...filter, sort: 'newest' }), ...newestFirstAfter(leads, last)))
      .orderBy(desc(leads.createdAt), desc(leads.id))
      .limit(PAGE);
    let chunk = '';
    for (const { lead: l, owner } of rows) {
      chunk += csvLine([
        l.id, l.externalId, l.email, l.firstName, l.lastName, l.title, l.company, l.country, l.stage, iso(l.stageChangedAt),
        l.source, l.channel, l.utmSource, l.utmMedium, l.utmCampaign, owner, iso(l.createdAt),
      ]);
    }
    if (chunk) yield chunk;
    if (rows.length < PAGE) return;
    last = rows[rows.length - 1]!.lead;
  }
}

/** Every deal of the workspace as CSV, newest first, amounts in major units. */
export async function* exportDealsCsv(ctx: ServiceContext): AsyncGenerator<string> {
  yield csvLine(DEAL_COLUMNS);
  let last: { createdAt: Date; id: string } | null = null;
  for (;;) {
    const rows: { deal: typeof deals.$inferSelect; account: string | null; leadEmail: string | null }[] = await ctx.db
      .select({ deal: deals, account: accounts.name, leadEmail: leads.email })
      .from(deals)
      .leftJoin(accounts, and(eq(accounts.workspaceId, deals.workspaceId), eq(accounts.id, deals.accountId)))
      .leftJoin(leads, and(eq(leads.workspaceId, deals.workspaceId), eq(leads.id, deals.leadId)))
      .where(and(eq(deals.workspaceId, ctx.workspaceId), ...newestFirstAfter(deals, last)))
      .orderBy(desc(deals.createdAt), desc(deals.id))
      .limit(PAGE);
    let chunk = '';
    for (const { deal: d, account, leadEmail } of rows) {
      chunk += csvLine([
        d.id, d.externalId, d.name, account, leadEmail, d.amountMinor / 100, d.listAmountMinor / 100, d.discountRate, d.currency, d.status,
        d.stage, d.lossReason, d.competitor, iso(d.createdAt), iso(d.closedAt),
      ]);
    }
    if (chunk) yield chunk;
    if (rows.length < PAGE) return;
    last = rows[rows.length - 1]!.deal;
  }
}
