import { and, desc, eq } from 'drizzle-orm';
import type { ServiceContext } from '../../http/context.ts';
import { notFound } from '../../http/errors.ts';
import { users } from '../identity/identity.table.ts';
import { accounts, activities, deals, leads } from './funnel.table.ts';
import { activityTimeline } from './leads.service.ts';

const LIMIT = 200;

/** An account with its people (the latest 200) and its deals. */
export async function accountOverview(ctx: ServiceContext, accountId: string) {
  const [account] = await ctx.db.select().from(accounts).where(and(eq(accounts.workspaceId, ctx.workspaceId), eq(accounts.id, accountId)));
  if (!account) throw notFound('Account');
  const people = await ctx.db
    .select({ id: leads.id, email: leads.email, firstName: leads.firstName, lastName: leads.lastName, title: leads.title, stage: leads.stage, createdAt: leads.createdAt })
    .from(leads)
    .where(and(eq(leads.workspaceId, ctx.workspaceId), eq(leads.accountId, accountId)))
    .orderBy(desc(leads.createdAt))
    .limit(LIMIT);
  const accountDeals = await ctx.db
    .select()
    .from(deals)
    .where(and(eq(deals.workspaceId, ctx.workspaceId), eq(deals.accountId, accountId)))
    .orderBy(desc(deals.createdAt))
    .limit(LIMIT);
  return { account, leads: people, deals: accountDeals };
}

/** A deal with its account, its lead, its owner and the activities logged on it, as a timeline. */
export async function dealOverview(ctx: ServiceContext, dealId: string) {
  const [row] = await ctx.db
    .select({ deal: deals, accountName: accounts.name, leadEmail: leads.email, leadFirstName: leads.firstName, leadLastName: leads.lastName, ownerName: users.name })
    .from(deals)
    .leftJoin(accounts, and(eq(accounts.workspaceId, deals.workspaceId), eq(accounts.id, deals.accountId)))
    .leftJoin(leads, and(eq(leads.workspaceId, deals.workspaceId), eq(leads.id, deals.leadId)))
    .leftJoin(users, eq(users.id, deals.ownerId))
    .where(and(eq(deals.workspaceId, ctx.workspaceId), eq(deals.id, dealId)));
  if (!row) throw notFound('Deal');
  const timeline = await activityTimeline(ctx, eq(activities.dealId, dealId));
  const leadName = [row.leadFirstName, row.leadLastName].filter(Boolean).join(' ') || row.leadEmail;
  return { deal: row.deal, accountName: row.accountName, leadName, ownerName: row.ownerName, timeline };
}
