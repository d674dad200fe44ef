import { and, eq } from 'drizzle-orm';
import { beforeEach, expect, it } from 'vitest';
import { describeOnEngines, type Harness } from '../../testing/harness.ts';
import { campaigns } from '../funnel/funnel.table.ts';
import { addProducts, auditOf, BASIN, campaignTeam, DETERGENT, inbox, NOW, springPromo, TEAM_SIGN_INS } from './fixtures.ts';

/** A planned promotion, its products in stock (the basin short), and the path through the gate. */
async function planned(h: Harness) {
  const t = await campaignTeam(h);
  await addProducts(t, DETERGENT, BASIN);
  const created = await t.as(t.team.marketer, 'POST', 'campaign-plans', springPromo());
  expect(created.statusCode, created.body).toBe(201);
  const id: string = created.json().id;
  const path = (suffix: string) => `campaigns/${id}/${suffix}`;
  const statusOf = async () => (await h.db.select({ status: campaigns.status }).from(campaigns).where(and(eq(campaigns.workspaceId, t.workspace.id), eq(campaigns.id, id))))[0]!.status;
  return { ...t, id, path, statusOf };
}

type Planned = Awaited<ReturnType<typeof planned>>;

/** Everything the gate asks for, done by the people who do it. */
async function passGate(p: Planned) {
  const { team, as, path } = p;
  const stock = await as(team.ops, 'POST', path('stock'), { items: [{ sku: 'DET-5L', decision: 'confirmed' }, { sku: 'BASIN', decision: 'shortfall_accepted', reason: '600 more basins arrive in May; shops hand out vouchers' }] });
  expect(stock.statusCode, stock.body).toBe(200);
  for (const approver of [team.marketingLead, team.manager, team.finance]) expect((await as(approver, 'POST', path('approvals'), {})).statusCode).toBe(200);
  expect((await as(team.marketer, 'POST', path('briefing/publish'))).statusCode).toBe(200);
  for (const rep of [team.ada, team.bo]) expect((await as(rep, 'POST', path('briefing/acknowledgements'), {})).statusCode).toBe(201);
}

describeOnEngines('launch readiness', (h) => {
  beforeEach(() => {
    h.now = NOW;
  });

  it('blocks the launch of a new plan on all four conditions, says why, and changes nothing', async () => {
    const p = await planned(h);
    const readiness = (await p.as(p.team.marketer, 'GET', p.path('readiness'))).json();
    expect(readiness).toMatchObject({ status: 'draft', state: 'blocked', ready: false, today: '2026-03-02', launchOn: '2026-04-01' });
    expect(readiness.blockers.map((b: { condition: string }) => b.condition)).toEqual(['stock', 'briefing', 'approvals', 'notice']);
    expect(readiness.conditions.stock.summary).toBe('Operations has not confirmed stock for 2 of 2 products and promo items: DET-5L, BASIN.');
    expect(readiness.conditions.approvals).toMatchObject({ isNeeded: true, required: ['marketing_lead', 'sales_manager', 'finance'], missing: ['marketing_lead', 'sales_manager', 'finance'] });
    expect(readiness.conditions.notice.summary).toBe('Publish the sales briefing by 2026-03-18, 14 days before the launch on 2026-04-01.');
    expect(readiness.conditions.briefing).toMatchObject({ met: false, expected: 2, acknowledged: 0, summary: 'The sales briefing is not published.' });

    const blocked = await p.as(p.team.marketer, 'POST', p.path('schedule'));
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error.message).toMatch(/^The launch of "Spring detergent promotion" is blocked\. Operations has not confirmed/);
    expect(blocked.json().error.details).toHaveLength(4);
    expect(await p.statusOf()).toBe('draft');
    expect(await auditOf(h, p.workspace.id, 'campaign.schedule')).toEqual([]);
  });

  it('lets Operations confirm stock only as the forecast allows, and tells the owner of an accepted shortfall', async () => {
    const { team, as, path, workspace } = await planned(h);
    const forecast = (await as(team.ops, 'GET', path('forecast'))).json();
    expect(forecast.items.map((i: Record<string, unknown>) => [i.sku, i.campaignDemand, i.shortfall, i.runsOutOn, i.runsOutWeek])).toEqual([
      ['DET-5L', 2100, 0, null, null],
      ['BASIN', 2100, 600, '2026-04-11', '2026-W15'],
    ]);

    const confirmed = await as(team.ops, 'POST', path('stock'), { items: [{ sku: 'DET-5L', decision: 'confirmed' }, { sku: 'BASIN', decision: 'confirmed' }] });
    expect(confirmed.statusCode).toBe(400);
    expect(confirmed.json().error.details).toEqual([
      { field: 'items.1.decision', message: 'cannot be confirmed: the forecast shows a shortfall of 600 units of BASIN (runs out on 2026-04-11, week 2026-W15); accept the shortfall with a reason, or record the incoming stock first' },
    ]);
    const noReason = await as(team.ops, 'POST', path('stock'), { items: [{ sku: 'BASIN', decision: 'shortfall_accepted' }] });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details).toEqual([{ field: 'items.0.reason', message: 'is required when accepting a shortfall' }]);
    const stranger = await as(team.ops, 'POST', path('stock'), { items: [{ sku: 'NOPE', decision: 'confirmed' }] });
    expect(stranger.json().error.details).toEqual([{ field: 'items.0.sku', message: '"NOPE" is not a product of this campaign' }]);
    expect((await as(team.marketer, 'POST', path('stock'), { items: [{ sku: 'DET-5L', decision: 'confirmed' }] })).statusCode).toBe(403);
    expect((await as(team.ops, 'GET', path('readiness'))).json().conditions.stock.items.map((i: { state: string }) => i.state)).toEqual(['unconfirmed', 'unconfirmed']);

    const accepted = await as(team.ops, 'POST', path('stock'), { items: [{ sku: 'DET-5L', decision: 'confirmed' }, { sku: 'BASIN', decision: 'shortfall_accepted', reason: 'More basins in May' }] });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().conditions.stock).toMatchObject({ met: true, summary: 'Operations confirmed stock for all 2 products and promo items (1 shortfall accepted).' });
    expect(accepted.json().conditions.stock.items[1].confirmation).toMatchObject({ decision: 'shortfall_accepted', reason: 'More basins in May', name: team.ops.name, demand: 2100 });
    expect(await inbox(h, workspace.id, team.marketer.id)).toEqual([
      expect.objectContaining({ event: 'stock_shortfall', title: 'Stock shortfall accepted for Spring detergent promotion' }),
    ]);
  });

  it('asks the marketing lead, the sales manager and, above the threshold, Finance to approve the offer, once each', async () => {
    const { team, as, path } = await planned(h);
    expect((await as(team.admin, 'POST', path('approvals'), {})).statusCode).toBe(403);
    expect((await as(team.marketer, 'POST', path('approvals'), {})).statusCode).toBe(403);
    const lead = await as(team.marketingLead, 'POST', path('approvals'), { note: 'Fits the spring plan' });
    expect(lead.json().conditions.approvals).toMatchObject({ met: false, missing: ['sales_manager', 'finance'] });
    const again = await as(team.marketingLead, 'POST', path('approvals'), {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe(`The offer is already approved for the marketing leads by ${team.marketingLead.name} on 2026-03-02.`);
    await as(team.manager, 'POST', path('approvals'), {});
    const finance = await as(team.finance, 'POST', path('approvals'), {});
    expect(finance.json().conditions.approvals).toMatchObject({ met: true, missing: [] });

    await as(team.admin, 'PUT', 'campaign-settings', { minNoticeDays: 14, financeApprovalAbovePercent: 25 });
    expect((await as(team.finance, 'POST', path('approvals'), {})).json().error.message).toBe('Finance approval is not needed: the discount (20 %) is not above 25 %.');
  });

  it('publishes the briefing to the reps, takes each acknowledgement once, and lets a manager acknowledge for a rep', async () => {
    const { team, as, path, workspace } = await planned(h);
    expect((await as(team.ada, 'POST', path('briefing/acknowledgements'), {})).json().error.message).toBe('"Spring detergent promotion" has no published briefing to acknowledge yet.');
    const published = await as(team.marketer, 'POST', path('briefing/publish'));
    expect(published.json()).toMatchObject({ isCurrent: true, published: { version: 1, content: { launchOn: '2026-04-01', products: [{ sku: 'DET-5L' }, { sku: 'BASIN' }] } } });
    expect((await as(team.marketer, 'POST', path('briefing/publish'))).statusCode).toBe(409);
    for (const person of [team.ada, team.bo, team.manager]) {
      expect(await inbox(h, workspace.id, person.id)).toEqual([expect.objectContaining({ event: 'briefing_published', title: 'Sales briefing: Spring detergent promotion' })]);
    }

    const ada = await as(team.ada, 'POST', path('briefing/acknowledgements'), {});
    expect(ada.statusCode).toBe(201);
    expect(ada.json()).toMatchObject({ version: 1, userId: team.ada.id, acknowledgedBy: team.ada.id, isOnBehalf: false });
    const twice = await as(team.ada, 'POST', path('briefing/acknowledgements'), {});
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toBe(`Briefing v1 is already acknowledged for this rep by ${team.ada.name} on 2026-03-02.`);
    expect((await as(team.ada, 'POST', path('briefing/acknowledgements'), { userId: team.bo.id })).statusCode).toBe(403);
    const notBriefed = await as(team.manager, 'POST', path('briefing/acknowledgements'), { userId: team.marketer.id });
    expect(notBriefed.json().error.details).toEqual([{ field: 'userId', message: 'is not one of the reps this campaign briefs' }]);

    const forBo = await as(team.manager, 'POST', path('briefing/acknowledgements'), { userId: team.bo.id });
    expect(forBo.json()).toMatchObject({ userId: team.bo.id, acknowledgedBy: team.manager.id, isOnBehalf: true });
    const briefing = (await as(team.ada, 'GET', path('briefing'))).json();
    expect(briefing).toMatchObject({ expected: 2, acknowledged: 2 });
    expect(briefing.reps.find((r: { userId: string }) => r.userId === team.bo.id).acknowledgement).toMatchObject({ userId: team.manager.id, name: team.manager.name, isOnBehalf: true });
  });

  it('schedules a ready campaign; a change of plan takes it back to draft and voids what no longer holds', async () => {
    const p = await planned(h);
    await passGate(p);
    const { team, as, path } = p;
    const scheduled = await as(team.marketer, 'POST', path('schedule'));
    expect(scheduled.statusCode, scheduled.body).toBe(200);
    expect(scheduled.json()).toMatchObject({ status: 'scheduled', state: 'scheduled', ready: true, scheduled: { userId: team.marketer.id, name: team.marketer.name }, override: null });
    expect(scheduled.json().conditions.notice.summary).toBe(`Sales was briefed on 2026-03-02 by ${team.marketer.name}, 30 days before the launch (at least 14).`);
    expect((await as(team.marketer, 'POST', path('schedule'))).json().error.message).toBe('"Spring detergent promotion" is already scheduled (since 2026-03-02).');

    const changed = await as(team.marketer, 'PUT', path('plan'), springPromo({ offer: { kind: 'discount', discountPercent: 25 }, endOn: '2026-04-21' }));
    expect(changed.json()).toMatchObject({ status: 'draft', scheduled: null });
    const readiness = (await as(team.marketer, 'GET', path('readiness'))).json();
    expect(readiness.blockers.map((b: { condition: string }) => b.condition)).toEqual(['stock', 'briefing', 'approvals']);
    expect(readiness.conditions.stock.items.map((i: { state: string }) => i.state)).toEqual(['outdated', 'outdated']);
    expect(readiness.conditions.briefing).toMatchObject({ isCurrent: false, summary: 'The campaign changed since briefing v1 was published on 2026-03-02: publish it again.' });
    expect(readiness.conditions.approvals.given).toEqual([]);
    expect((await auditOf(h, p.workspace.id, 'campaign.schedule')).length).toBe(1);
  });

  it('takes a scheduled campaign back to draft when the funnel API moves its days, not when it books spend', async () => {
    const p = await planned(h);
    await passGate(p);
    const { team, as, path, id } = p;
    expect((await as(team.marketer, 'POST', path('schedule'))).statusCode).toBe(200);
    const record = { name: 'Spring detergent promotion', currency: 'EUR', startsOn: '2026-04-01', endsOn: '2026-04-14' };
    const spend = await as(team.admin, 'PUT', `campaigns/${id}`, { ...record, spendMinor: 120_000 });
    expect(spend.statusCode, spend.body).toBe(200);
    expect(await p.statusOf()).toBe('scheduled');
    const moved = await as(team.admin, 'PUT', `campaigns/${id}`, { ...record, startsOn: '2026-03-20', spendMinor: 120_000 });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(await p.statusOf()).toBe('draft');
    const readiness = (await as(team.marketer, 'GET', path('readiness'))).json();
    expect(readiness).toMatchObject({ status: 'draft', scheduled: null, launchOn: '2026-03-20' });
  });

  it('lets an admin override a blocked launch only with a reason, recorded on the campaign and in the audit log', async () => {
    const p = await planned(h);
    const { team, as, path, workspace } = p;
    expect((await as(team.marketer, 'POST', path('override'), { reason: 'TV slot booked' })).statusCode).toBe(403);
    const noReason = await as(team.admin, 'POST', path('override'), {});
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details).toEqual([{ field: 'reason', message: 'is required: say why the launch goes ahead anyway' }]);
    const blank = await as(team.admin, 'POST', path('override'), { reason: '   ' });
    expect(blank.json().error.details).toEqual([{ field: 'reason', message: 'is required: say why the launch goes ahead anyway' }]);
    expect(await p.statusOf()).toBe('draft');

    const overridden = await as(team.admin, 'POST', path('override'), { reason: 'The TV slot is booked and paid' });
    expect(overridden.statusCode).toBe(200);
    expect(overridden.json()).toMatchObject({ status: 'scheduled', state: 'overridden', override: { userId: team.admin.id, reason: 'The TV slot is booked and paid' } });
    expect(overridden.json().override.blockers.map((b: { condition: string }) => b.condition)).toEqual(['stock', 'briefing', 'approvals', 'notice']);
    const [audit] = await auditOf(h, workspace.id, 'campaign.launch_override');
    expect(audit).toMatchObject({ actorId: team.admin.id, entityId: p.id, after: expect.objectContaining({ status: 'scheduled', reason: 'The TV slot is booked and paid' }) });

    const unscheduled = await as(team.marketer, 'POST', path('unschedule'));
    expect(unscheduled.json()).toMatchObject({ status: 'draft', override: null });
  });

  it('refuses to schedule a launch whose day has passed, and calls the draft lapsed', async () => {
    const t = await campaignTeam(h);
    const created = await t.as(t.team.marketer, 'POST', 'campaign-plans', springPromo({ launchOn: '2026-03-03', endOn: '2026-03-10', products: [] }));
    h.now = new Date('2026-03-04T08:00:00Z');
    const late = await t.as(t.team.marketer, 'POST', `campaigns/${created.json().id}/schedule`);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toBe('The launch day of "Spring detergent promotion" (2026-03-03) has passed: move it in the plan first.');
    expect((await t.as(t.team.marketer, 'GET', `campaigns/${created.json().id}/readiness`)).json().state).toBe('lapsed');
  });
}, TEAM_SIGN_INS);
