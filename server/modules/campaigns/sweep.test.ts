import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { appJobs } from '../../jobs/jobs.ts';
import { describeOnEngines, type Harness } from '../../testing/harness.ts';
import { campaigns } from '../funnel/funnel.table.ts';
import { addProducts, BASIN, campaignTeam, DETERGENT, inbox, NOW, springPromo, TEAM_SIGN_INS } from './fixtures.ts';
import { sweepCampaigns } from './sweep.service.ts';

const at = (day: string) => new Date(`${day}T09:00:00Z`);

/** A draft launching in 14 days (briefed, one rep behind), and a launch scheduled by override for the 20th. */
async function setup(h: Harness) {
  h.now = NOW;
  const t = await campaignTeam(h);
  await addProducts(t, DETERGENT, BASIN);
  const draft = (await t.as(t.team.marketer, 'POST', 'campaign-plans', springPromo({ launchOn: '2026-03-16', endOn: '2026-03-29' }))).json();
  await t.as(t.team.marketer, 'POST', `campaigns/${draft.id}/briefing/publish`);
  await t.as(t.team.ada, 'POST', `campaigns/${draft.id}/briefing/acknowledgements`, {});
  const launch = (await t.as(t.team.marketer, 'POST', 'campaign-plans', springPromo({ name: 'Trade fair', launchOn: '2026-03-20', endOn: '2026-03-25', offer: {}, products: [], repIds: [t.team.bo.id] }))).json();
  expect((await t.as(t.team.admin, 'POST', `campaigns/${launch.id}/override`, { reason: 'The stand is paid' })).statusCode).toBe(200);
  const statusOf = async (id: string) => (await h.db.select({ status: campaigns.status }).from(campaigns).where(and(eq(campaigns.workspaceId, t.workspace.id), eq(campaigns.id, id))))[0]!.status;
  const events = async (userId: string) => (await inbox(h, t.workspace.id, userId)).map((n) => `${n.event}: ${n.title}`);
  return { ...t, draft, launch, statusOf, events };
}

describeOnEngines('campaign sweep', (h) => {
  it('reminds once per stage about a draft that is not ready, and escalates in the last three days', async () => {
    const s = await setup(h);
    const job = appJobs({ db: h.db, config: h.config }).find((candidate) => candidate.name === 'campaign-sweep')!;
    expect(job.everyMs).toBe(900_000);
    await job.run(at('2026-03-02'));
    await job.run(at('2026-03-02'));
    const fourteen = 'launch_blocked: Spring detergent promotion launches in 14 days and is not ready';
    expect(await s.events(s.team.marketer.id)).toEqual([fourteen]);
    expect(await s.events(s.team.marketingLead.id)).toEqual([fourteen]);
    expect(await s.events(s.team.bo.id)).toEqual([
      'briefing_published: Sales briefing: Spring detergent promotion',
      'acknowledgement_missing: Acknowledge the briefing of Spring detergent promotion (launches in 14 days)',
    ]);
    expect(await s.events(s.team.ada.id)).toEqual(['briefing_published: Sales briefing: Spring detergent promotion']);
    expect(await s.events(s.team.ops.id)).toEqual(['stock_shortfall: Confirm stock for Spring detergent promotion (launches in 14 days)']);
    expect((await inbox(h, s.workspace.id, s.team.ops.id))[0]!.body).toBe('Operations has not confirmed stock for 2 of 2 products and promo items: DET-5L, BASIN.');

    await sweepCampaigns(h.db, at('2026-03-10'));
    expect(await s.events(s.team.marketer.id)).toEqual([fourteen, 'launch_blocked: Spring detergent promotion launches in 6 days and is not ready']);
    expect(await s.events(s.team.admin.id)).toEqual([]);
    expect((await s.events(s.team.manager.id)).filter((e) => e.startsWith('acknowledgement_missing'))).toEqual([]);

    await sweepCampaigns(h.db, at('2026-03-13'));
    await sweepCampaigns(h.db, at('2026-03-13'));
    expect(await s.events(s.team.admin.id)).toEqual(['launch_blocked: Spring detergent promotion launches in 3 days and is not ready']);
    expect((await s.events(s.team.manager.id)).filter((e) => e.startsWith('acknowledgement_missing'))).toEqual([
      'acknowledgement_missing: Acknowledge the briefing of Spring detergent promotion (launches in 3 days)',
    ]);
    const [missing] = (await inbox(h, s.workspace.id, s.team.manager.id)).filter((n) => n.event === 'acknowledgement_missing');
    expect(missing!.body).toBe(`1 of 2 reps have not acknowledged briefing v1: ${s.team.bo.name}.`);
  });

  it('says a launch is tomorrow once, moves it live on its day and ends it after its last day', async () => {
    const s = await setup(h);
    await sweepCampaigns(h.db, at('2026-03-19'));
    await sweepCampaigns(h.db, at('2026-03-19'));
    expect(await s.statusOf(s.launch.id)).toBe('scheduled');
    const tomorrow = 'launch_tomorrow: Trade fair launches tomorrow';
    for (const person of [s.team.bo, s.team.marketer, s.team.ops]) expect((await s.events(person.id)).filter((e) => e.startsWith('launch_tomorrow'))).toEqual([tomorrow]);
    expect((await s.events(s.team.ada.id)).filter((e) => e.startsWith('launch_tomorrow'))).toEqual([]);

    await sweepCampaigns(h.db, at('2026-03-20'));
    expect(await s.statusOf(s.launch.id)).toBe('live');
    await sweepCampaigns(h.db, at('2026-03-26'));
    expect(await s.statusOf(s.launch.id)).toBe('ended');
    expect(await s.statusOf(s.draft.id)).toBe('draft');
  });
}, TEAM_SIGN_INS);
