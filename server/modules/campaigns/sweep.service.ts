import { and, eq, gte, inArray, lt, lte, or } from 'drizzle-orm';
import { addDays, daysBetween } from '../../../core/campaigns/days.ts';
import type { ReadinessReport } from '../../../core/readiness/gate.ts';
import type { Db } from '../../db/client.ts';
import { sweepEachWorkspace } from '../../jobs/each-workspace.ts';
import { campaigns } from '../funnel/funnel.table.ts';
import { membersWithRoles, notify } from '../notifications/notify.ts';
import { salesManagers } from '../sla/settings.service.ts';
import { campaignReminders } from './campaigns.table.ts';
import { evaluateGates } from './gate.service.ts';
import { briefingPath, campaignMessage, campaignOwners, campaignPath, membersOrAdmins } from './messages.ts';
import { loadCampaignSetup, todayOf, type CampaignSetup } from './settings.service.ts';

/**
 * The campaign sweep, run every few minutes: scheduled campaigns go live on their launch day and
 * end after their last day; the day before a launch, everyone concerned hears it launches
 * tomorrow; and a draft that is not ready gets a reminder 14, 7, 3 and 1 days before its launch
 * (escalated to the marketing leads, admins and sales managers from 3 days). Each reminder is
 * stamped, so it goes out once whatever the number of sweeps; each workspace is one transaction.
 */

export const CAMPAIGN_SWEEP_EVERY_MS = 15 * 60_000;
/** Days before the launch at which a draft that is not ready is reminded of, the last first. */
const REMINDER_DAYS = [1, 3, 7, 14] as const;
const ESCALATE_WITHIN_DAYS = 3;

export type CampaignSweepResult = { workspaces: number; launched: number; ended: number; launchTomorrow: number; reminders: number };

type Due = { id: string; name: string; ownerId: string | null; repIds: string[] | null; startsOn: string | null };

/** Stamps the reminders not sent yet and returns the campaigns stamped now. */
async function stamp(tx: Db, workspaceId: string, due: readonly { id: string; key: string }[], now: Date): Promise<Set<string>> {
  if (due.length === 0) return new Set();
  const rows = await tx
    .insert(campaignReminders)
    .values(due.map(({ id, key }) => ({ workspaceId, campaignId: id, key, sentAt: now })))
    .onConflictDoNothing()
    .returning({ campaignId: campaignReminders.campaignId });
  return new Set(rows.map((row) => row.campaignId));
}

/** Scheduled campaigns whose day came go live; live or scheduled ones past their last day end. */
async function moveOn(tx: Db, workspaceId: string, today: string, now: Date): Promise<{ launched: number; ended: number }> {
  const ended = await tx
    .update(campaigns)
    .set({ status: 'ended', endedAt: now, updatedAt: now })
    .where(and(eq(campaigns.workspaceId, workspaceId), inArray(campaigns.status, ['scheduled', 'live']), lt(campaigns.endsOn, today)))
    .returning({ id: campaigns.id });
  const launched = await tx
    .update(campaigns)
    .set({ status: 'live', launchedAt: now, updatedAt: now })
    .where(and(eq(campaigns.workspaceId, workspaceId), eq(campaigns.status, 'scheduled'), lte(campaigns.startsOn, today)))
    .returning({ id: campaigns.id });
  return { launched: launched.length, ended: ended.length };
}

async function dueCampaigns(tx: Db, workspaceId: string, status: 'draft' | 'scheduled', from: string, to: string): Promise<Due[]> {
  return tx
    .select({ id: campaigns.id, name: campaigns.name, ownerId: campaigns.ownerId, repIds: campaigns.repIds, startsOn: campaigns.startsOn })
    .from(campaigns)
    .where(and(eq(campaigns.workspaceId, workspaceId), eq(campaigns.status, status), gte(campaigns.startsOn, from), lte(campaigns.startsOn, to)));
}

/** The day before launch: the reps it briefs, its owner and Operations hear it launches tomorrow. */
async function tellLaunchTomorrow(tx: Db, workspaceId: string, setup: CampaignSetup, today: string, now: Date): Promise<number> {
  const tomorrow = addDays(today, 1);
  const due = await dueCampaigns(tx, workspaceId, 'scheduled', tomorrow, tomorrow);
  const stamped = await stamp(tx, workspaceId, due.map(({ id }) => ({ id, key: 'launch_tomorrow' })), now);
  const told = due.filter((campaign) => stamped.has(campaign.id));
  const { gates } = await evaluateGates(tx, workspaceId, told.map((c) => c.id), { now, setup });
  for (const campaign of told) {
    const reps = gates.get(campaign.id)?.input.reps.map((rep) => rep.userId) ?? [];
    await notify(tx, {
      workspaceId,
      now,
      recipients: [...reps, ...(campaign.ownerId ? [campaign.ownerId] : []), ...(await membersOrAdmins(tx, workspaceId, ['operations']))],
      message: campaignMessage('launch_tomorrow', campaign, {
        title: `${campaign.name} launches tomorrow`,
        body: `${campaign.name} goes live on ${tomorrow}. The briefing has the offer, the products and the FAQ.`,
        link: briefingPath(setup.slug, campaign.id),
      }),
    });
  }
  return told.length;
}

function reminderStage(daysLeft: number): number {
  return REMINDER_DAYS.find((days) => daysLeft <= days)!;
}

/** A draft that is not ready: its owners hear what blocks it; missing acknowledgements and stock go to those who owe them. */
async function remind(tx: Db, workspaceId: string, setup: CampaignSetup, campaign: Due, report: ReadinessReport, daysLeft: number, now: Date): Promise<void> {
  const isEscalated = daysLeft <= ESCALATE_WITHIN_DAYS;
  const when = daysLeft === 1 ? 'tomorrow' : `in ${daysLeft} days`;
  const link = campaignPath(setup.slug, campaign.id);
  const send = (recipients: string[], message: ReturnType<typeof campaignMessage>) => notify(tx, { workspaceId, now, recipients, message });
  const owners = await campaignOwners(tx, workspaceId, campaign.ownerId);
  await send(isEscalated ? [...owners, ...(await membersWithRoles(tx, workspaceId, ['admin']))] : owners, campaignMessage('launch_blocked', campaign, {
    title: `${campaign.name} launches ${when} and is not ready`,
    body: report.blockers.map((blocker) => blocker.message).join(' '),
    link,
  }, { blockers: report.blockers.map((blocker) => blocker.condition), daysLeft, isEscalated }));
  const { briefing, stock } = report.conditions;
  if (briefing.version !== null && briefing.missing.length > 0) {
    const managers = isEscalated ? await salesManagers(tx, workspaceId) : [];
    await send([...briefing.missing.map((rep) => rep.userId), ...managers], campaignMessage('acknowledgement_missing', campaign, {
      title: `Acknowledge the briefing of ${campaign.name} (launches ${when})`,
      body: briefing.summary,
      link: briefingPath(setup.slug, campaign.id),
    }, { missing: briefing.missing.map((rep) => rep.userId), daysLeft, isEscalated }));
  }
  if (!stock.met) {
    await send(await membersOrAdmins(tx, workspaceId, ['operations']), campaignMessage('stock_shortfall', campaign, { title: `Confirm stock for ${campaign.name} (launches ${when})`, body: stock.summary, link }, { daysLeft }));
  }
}

/** Drafts launching within the reminder window that are not ready: one reminder per stage (14, 7, 3, 1 days). */
async function remindDrafts(tx: Db, workspaceId: string, setup: CampaignSetup, today: string, now: Date): Promise<number> {
  const due = await dueCampaigns(tx, workspaceId, 'draft', addDays(today, 1), addDays(today, Math.max(...REMINDER_DAYS)));
  const daysLeft = new Map(due.map((campaign) => [campaign.id, daysBetween(today, campaign.startsOn!)]));
  const { gates } = await evaluateGates(tx, workspaceId, due.map((c) => c.id), { now, setup });
  const blocked = due.filter((campaign) => !gates.get(campaign.id)?.report.ready);
  const stamped = await stamp(tx, workspaceId, blocked.map(({ id }) => ({ id, key: `readiness:${reminderStage(daysLeft.get(id)!)}` })), now);
  const reminded = blocked.filter((campaign) => stamped.has(campaign.id));
  for (const campaign of reminded) await remind(tx, workspaceId, setup, campaign, gates.get(campaign.id)!.report, daysLeft.get(campaign.id)!, now);
  return reminded.length;
}

async function sweepWorkspace(tx: Db, workspaceId: string, now: Date): Promise<Omit<CampaignSweepResult, 'workspaces'>> {
  const setup = await loadCampaignSetup(tx, workspaceId);
  const today = todayOf(setup, now);
  const moved = await moveOn(tx, workspaceId, today, now);
  return { ...moved, launchTomorrow: await tellLaunchTomorrow(tx, workspaceId, setup, today, now), reminders: await remindDrafts(tx, workspaceId, setup, today, now) };
}

/** Sweeps every workspace with a campaign scheduled, live or still to launch; one that fails does not stop the others, the failures are thrown together. */
export async function sweepCampaigns(db: Db, now: Date): Promise<CampaignSweepResult> {
  const open = await db
    .selectDistinct({ workspaceId: campaigns.workspaceId })
    .from(campaigns)
    .where(or(inArray(campaigns.status, ['scheduled', 'live']), and(eq(campaigns.status, 'draft'), gte(campaigns.startsOn, addDays(now.toISOString().slice(0, 10), -1)))));
  const zero = { launched: 0, ended: 0, launchTomorrow: 0, reminders: 0 };
  return sweepEachWorkspace(db, open.map((row) => row.workspaceId), 'campaign sweep', zero, (tx, workspaceId) => sweepWorkspace(tx, workspaceId, now));
}
