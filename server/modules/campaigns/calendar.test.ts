import { beforeEach, expect, it } from 'vitest';
import { describeOnEngines, type Harness } from '../../testing/harness.ts';
import { addProducts, BASIN, campaignTeam, DETERGENT, NOW, springPromo, TEAM_SIGN_INS } from './fixtures.ts';

/** Three campaigns: the spring promotion, a competing detergent offer the week after, and a webinar with no offer. */
async function season(h: Harness) {
  const t = await campaignTeam(h);
  await addProducts(t, DETERGENT, BASIN);
  const plan = async (body: Record<string, unknown>, who = t.team.marketer) => (await t.as(who, 'POST', 'campaign-plans', body)).json();
  const spring = await plan(springPromo());
  const rival = await plan(springPromo({ name: 'Hotel detergent deal', launchOn: '2026-04-10', endOn: '2026-04-30', channels: ['email'], segments: ['hospitality'], products: [{ sku: 'DET-5L' }], ownerId: t.team.manager.id }));
  const webinar = await plan(springPromo({ name: 'Laundry webinar', launchOn: '2026-05-05', endOn: '2026-05-05', offer: {}, channels: ['webinar'], products: [] }));
  return { ...t, spring, rival, webinar };
}

describeOnEngines('campaign calendar', (h) => {
  beforeEach(() => {
    h.now = NOW;
  });

  it('shows the campaigns of a period with their readiness, filtered by channel, product and team, and the offers that compete', async () => {
    const s = await season(h);
    const calendar = (await s.as(s.team.ada, 'GET', 'calendar?from=2026-04-01&to=2026-04-30')).json();
    expect(calendar.items.map((i: { name: string }) => i.name)).toEqual(['Spring detergent promotion', 'Hotel detergent deal']);
    expect(calendar.items[0]).toMatchObject({
      state: 'blocked',
      productCount: 2,
      owner: { userId: s.team.marketer.id, team: 'marketing' },
      readiness: { ready: false, met: { stock: false, briefing: false, approvals: false, notice: false }, blockers: ['stock', 'briefing', 'approvals', 'notice'] },
    });
    expect(calendar.overlaps).toEqual([{ campaignIds: [s.spring.id, s.rival.id], from: '2026-04-10', to: '2026-04-14', skus: ['DET-5L'], segments: ['Hospitality'] }]);
    const names = async (query: string) => (await s.as(s.team.ada, 'GET', `calendar?from=2026-03-01&to=2026-06-30&${query}`)).json().items.map((i: { name: string }) => i.name);
    expect(await names('channel=email')).toEqual(['Hotel detergent deal']);
    expect(await names('sku=BASIN')).toEqual(['Spring detergent promotion']);
    expect(await names('team=sales')).toEqual(['Hotel detergent deal']);
    expect(await names('status=draft')).toHaveLength(3);
    const bad = await s.as(s.team.ada, 'GET', 'calendar?from=2026-04-30&to=2026-04-01');
    expect(bad.json().error.details).toEqual([{ field: 'to', message: 'must not be before from' }]);
  });

  it('serves the workspace’s iCalendar feed at a secret address an admin can rotate', async () => {
    const s = await season(h);
    expect((await s.as(s.team.ada, 'GET', 'calendar/feed')).json()).toEqual({ url: null, rotatedAt: null });
    expect((await s.as(s.team.marketer, 'POST', 'calendar/feed/rotate')).statusCode).toBe(403);
    const feed = (await s.as(s.team.admin, 'POST', 'calendar/feed/rotate')).json();
    expect(feed.url).toMatch(/^http:\/\/accord\.test\/api\/v1\/calendar\/[0-9a-f]{40}\.ics$/);
    const path = new URL(feed.url).pathname;

    const response = await h.request({ method: 'GET', url: path });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const body = response.body;
    expect(body.startsWith('BEGIN:VCALENDAR\r\nPRODID:-//Accord//Campaign calendar//EN\r\nVERSION:2.0\r\nCALSCALE:GREGORIAN\r\n')).toBe(true);
    expect(body.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(body.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(body.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    const unfolded = body.replace(/\r\n /g, '');
    expect(unfolded).toContain(`UID:campaign-${s.spring.id}@accord\r\nDTSTAMP:20260302T080000Z\r\nDTSTART;VALUE=DATE:20260401\r\nDTEND;VALUE=DATE:20260415\r\nSUMMARY:Spring detergent promotion (not ready)\r\n`);
    expect(unfolded).toContain('CATEGORIES:tv,retail\r\n');
    expect(unfolded).toContain(`X-WR-CALNAME:${s.workspace.name} campaigns\r\n`);
    expect(unfolded).toContain('Offer (discount\\, 20 % off): 20 % off the 5 l detergent\\, a washing basin free\\n');

    const again = await h.request({ method: 'GET', url: path });
    expect(again.body.match(/UID:[^\r]+/g)).toEqual(body.match(/UID:[^\r]+/g));
    await s.as(s.team.admin, 'POST', 'calendar/feed/rotate');
    expect((await h.request({ method: 'GET', url: path })).statusCode).toBe(404);
    expect((await h.request({ method: 'GET', url: '/api/v1/calendar/not-a-secret.ics' })).statusCode).toBe(404);
  });

  it('shows a rep the upcoming campaigns that brief them, with their acknowledgement', async () => {
    const s = await season(h);
    expect((await s.as(s.team.ada, 'GET', 'campaigns/upcoming')).json().items).toEqual([]);
    await s.as(s.team.marketer, 'POST', `campaigns/${s.spring.id}/briefing/publish`);
    await s.as(s.team.marketer, 'PUT', `campaigns/${s.rival.id}/plan`, springPromo({ name: 'Hotel detergent deal', launchOn: '2026-04-10', endOn: '2026-04-30', repIds: [s.team.bo.id], products: [] }));
    await s.as(s.team.marketer, 'POST', `campaigns/${s.rival.id}/briefing/publish`);

    const ada = (await s.as(s.team.ada, 'GET', 'campaigns/upcoming?days=60')).json();
    expect(ada.items).toEqual([
      expect.objectContaining({ id: s.spring.id, state: 'blocked', briefing: expect.objectContaining({ version: 1, isCurrent: true }), acknowledgement: null, needsAcknowledgement: true, team: { expected: 2, acknowledged: 0 } }),
    ]);
    expect(ada.items[0].products.map((p: { sku: string }) => p.sku)).toEqual(['DET-5L', 'BASIN']);
    await s.as(s.team.ada, 'POST', `campaigns/${s.spring.id}/briefing/acknowledgements`, {});
    const after = (await s.as(s.team.ada, 'GET', 'campaigns/upcoming')).json().items[0];
    expect(after).toMatchObject({ needsAcknowledgement: false, acknowledgement: { userId: s.team.ada.id, isOnBehalf: false }, team: { expected: 2, acknowledged: 1 } });
    expect((await s.as(s.team.bo, 'GET', 'campaigns/upcoming')).json().items.map((i: { name: string }) => i.name)).toEqual(['Spring detergent promotion', 'Hotel detergent deal']);
    expect((await s.as(s.team.ada, 'GET', 'campaigns/upcoming?days=10')).json().items).toEqual([]);
  });

  it('keeps the launch policy, which only an admin sets', async () => {
    const s = await season(h);
    expect((await s.as(s.team.ada, 'GET', 'campaign-settings')).json()).toMatchObject({ minNoticeDays: 14, financeApprovalAbovePercent: 10, isDefault: true });
    expect((await s.as(s.team.marketingLead, 'PUT', 'campaign-settings', { minNoticeDays: 7, financeApprovalAbovePercent: 10 })).statusCode).toBe(403);
    const bad = await s.as(s.team.admin, 'PUT', 'campaign-settings', { minNoticeDays: -1, financeApprovalAbovePercent: 101 });
    expect(bad.json().error.details.map((d: { field: string }) => d.field)).toEqual(['minNoticeDays', 'financeApprovalAbovePercent']);
    const saved = await s.as(s.team.admin, 'PUT', 'campaign-settings', { minNoticeDays: 40, financeApprovalAbovePercent: 10 });
    expect(saved.json()).toMatchObject({ minNoticeDays: 40, isDefault: false, updatedBy: s.team.admin.id });
    const readiness = (await s.as(s.team.ada, 'GET', `campaigns/${s.spring.id}/readiness`)).json();
    expect(readiness.conditions.notice.summary).toBe('The 40 days\' notice before the launch on 2026-04-01 can no longer be given: move the launch to 2026-04-11 or later.');
  });
}, TEAM_SIGN_INS);
