import { expect, it } from 'vitest';
import { buildMember, buildWorkspace, signIn } from '../../testing/factories.ts';
import { describeOnEngines, type Harness } from '../../testing/harness.ts';
import { POLICY, activateContract, handOver, insertLead, logCall } from './fixtures.ts';

const NINE_TO_FIVE = [{ start: '09:00', end: '17:00' }];
const CALENDAR = { timeZone: 'UTC', hours: { mon: NINE_TO_FIVE, tue: NINE_TO_FIVE, wed: NINE_TO_FIVE, thu: NINE_TO_FIVE, fri: NINE_TO_FIVE } };

/**
 * Three MQLs, 4 business hours to first contact, 2 attempts within 3 days:
 * A (rep 1, webinar, 2 March): called after 1 h and 2 h, accepted.
 * B (rep 1, webinar, 2 March): called once, after 6 h, rejected as a duplicate (the decision ends the attempts).
 * C (rep 2, ads, 10 February): never called, undecided.
 */
async function setup(h: Harness) {
  const { workspace } = await buildWorkspace(h.db);
  await activateContract(h.db, workspace.id);
  const rep1 = await buildMember(h.db, workspace.id, 'sales_rep');
  const rep2 = await buildMember(h.db, workspace.id, 'sales_rep');
  const manager = await buildMember(h.db, workspace.id, 'sales_manager');
  const [rep1Cookie, rep2Cookie, managerCookie] = [await signIn(h, rep1), await signIn(h, rep2), await signIn(h, manager)];
  const send = (method: 'GET' | 'POST' | 'PUT', path: string, cookie: string, body?: unknown) =>
    h.request({ method, url: `/api/v1/workspaces/${workspace.id}/${path}`, cookie, body });
  const routing = { rules: [{ id: 'webinar', label: 'Webinar leads', match: { source: ['webinar'] }, repIds: [rep1.id] }], fallbackRepIds: [rep2.id] };
  expect((await send('PUT', 'sales-settings', managerCookie, { calendar: CALENDAR, routing })).statusCode).toBe(200);

  const a = await insertLead(h.db, workspace.id, { firstName: 'Ada', source: 'webinar' });
  const b = await insertLead(h.db, workspace.id, { firstName: 'Bea', source: 'webinar' });
  const c = await insertLead(h.db, workspace.id, { firstName: 'Cem', source: 'ads' });
  await handOver(h.db, workspace.id, [c], new Date('2026-02-10T09:00:00Z'));
  await handOver(h.db, workspace.id, [a, b], new Date('2026-03-02T09:00:00Z'));
  await logCall(h.db, workspace.id, a, '2026-03-02T10:00:00Z', rep1.id);
  await logCall(h.db, workspace.id, a, '2026-03-02T11:00:00Z', rep1.id);
  await logCall(h.db, workspace.id, b, '2026-03-02T15:00:00Z', rep1.id);
  try {
    h.now = new Date('2026-03-03T09:00:00Z');
    expect((await send('POST', `leads/${a}/accept`, rep1Cookie, {})).statusCode).toBe(200);
    expect((await send('POST', `leads/${b}/reject`, rep1Cookie, { reason: 'duplicate' })).statusCode).toBe(200);
  } finally {
    h.now = null;
  }
  return { workspace, rep1, rep2, ids: { a, b, c }, cookies: { rep1: rep1Cookie, rep2: rep2Cookie, manager: managerCookie }, send };
}

const LATER = new Date('2026-03-20T12:00:00Z');

describeOnEngines('SLA ledger and MQL inbox', (h) => {
  it('scores both sides of the SLA, rep by rep, source by source, month by month, breach by breach', async () => {
    const { rep1, rep2, ids, cookies, send } = await setup(h);
    h.now = LATER;
    try {
      const ledger = (await send('GET', 'sla/ledger', cookies.rep2)).json();
      expect(ledger).toMatchObject({ from: '2026-01-01', to: '2026-03-31', version: 1, policy: POLICY });
      const none = { not_a_lead: 0, job_seeker: 0, student: 0, no_budget: 0, wrong_contact: 0, competitor: 0, other: 0 };
      expect(ledger.sales.byOwner.groups).toEqual([
        {
          group: rep1.id, name: rep1.name, leads: 2, met: 1, breached: 1, overdue: 0, pending: 0, medianFirstContactHours: 3.5,
          attemptsMetPercent: 100, accepted: 1, rejected: 1, rejectedByReason: { ...none, duplicate: 1 },
        },
        {
          group: rep2.id, name: rep2.name, leads: 1, met: 0, breached: 1, overdue: 1, pending: 0, medianFirstContactHours: null,
          attemptsMetPercent: 0, accepted: 0, rejected: 0, rejectedByReason: { ...none, duplicate: 0 },
        },
      ]);
      expect(ledger.sales.byOwner.total).toMatchObject({ leads: 3, met: 1, breached: 2, overdue: 1, medianFirstContactHours: 3.5 });
      expect(ledger.sales.byOwner.total.attemptsMetPercent).toBeCloseTo(200 / 3);
      expect(ledger.sales.bySource.groups.map((g: { group: string; leads: number }) => [g.group, g.leads])).toEqual([['webinar', 2], ['ads', 1]]);
      expect(ledger.marketing).toEqual([
        { month: '2026-01', mqls: 0, accepted: 0, rejected: 0, rejectedByReason: {}, target: 2, volumeMet: false, acceptedPercent: null, acceptedTarget: 50, acceptedMet: null },
        { month: '2026-02', mqls: 1, accepted: 0, rejected: 0, rejectedByReason: {}, target: 2, volumeMet: false, acceptedPercent: null, acceptedTarget: 50, acceptedMet: null },
        { month: '2026-03', mqls: 2, accepted: 1, rejected: 1, rejectedByReason: { duplicate: 1 }, target: 2, volumeMet: true, acceptedPercent: 50, acceptedTarget: 50, acceptedMet: true },
      ]);
      expect(ledger.breaches.map((b: { leadName: string; kind: string; dueAt: string; ownerId: string; source: string }) => [b.leadName, b.kind, b.dueAt, b.ownerId, b.source])).toEqual([
        ['Bea', 'first_contact', '2026-03-02T13:00:00.000Z', rep1.id, 'webinar'],
        ['Cem', 'attempts', '2026-02-13T09:00:00.000Z', rep2.id, 'ads'],
        ['Cem', 'first_contact', '2026-02-10T13:00:00.000Z', rep2.id, 'ads'],
      ]);
      expect(ledger.breaches[0].leadId).toBe(ids.b);

      const march = (await send('GET', 'sla/ledger?from=2026-03-01&to=2026-03-31', cookies.rep2)).json();
      expect(march.sales.byOwner.total.leads).toBe(2);
      expect(march.marketing.map((m: { month: string }) => m.month)).toEqual(['2026-03']);
      const backwards = await send('GET', 'sla/ledger?from=2026-03-01&to=2026-02-01', cookies.rep2);
      expect(backwards.json().error.details).toEqual([{ field: 'to', message: 'must not be before from' }]);
    } finally {
      h.now = null;
    }
  });

  it('lists a rep’s MQL inbox with the SLA state, pages through everyone’s, and shows one lead’s handover', async () => {
    const { workspace, ids, cookies, send } = await setup(h);
    h.now = LATER;
    try {
      const mine = (await send('GET', 'handovers?owner=me', cookies.rep1)).json();
      expect(mine.items.map((i: { leadId: string }) => i.leadId).sort()).toEqual([ids.a, ids.b].sort());
      expect((await send('GET', 'handovers?owner=me&open=true', cookies.rep1)).json().items).toEqual([]);
      const open = (await send('GET', 'handovers?owner=me&open=true', cookies.rep2)).json().items;
      expect(open).toEqual([expect.objectContaining({ leadId: ids.c, leadName: 'Cem', decision: null, routingRule: 'fallback' })]);
      expect(open[0].sla).toMatchObject({ firstContactState: 'breached_pending', attemptsState: 'breached', attemptsMade: 0, stale: true });
      expect(open[0].summary).toContain('Cem qualified under contract v1');

      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: { leadId: string }[]; nextCursor: string | null } = (await send('GET', `handovers?limit=2${cursor ? `&cursor=${cursor}` : ''}`, cookies.manager)).json();
        seen.push(...page.items.map((i) => i.leadId));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen.sort()).toEqual([ids.a, ids.b, ids.c].sort());

      const detail = (await send('GET', `leads/${ids.a}/handover`, cookies.rep2)).json();
      expect(detail).toMatchObject({ leadId: ids.a, decision: 'accepted', routingRule: 'webinar', routingNote: 'Rule: Webinar leads', policy: POLICY });
      expect(detail.sla).toMatchObject({ firstContactState: 'met', firstContactBusinessHours: 1, attemptsState: 'met', attemptsMade: 2, stale: false });
      expect(detail.note.reasons.map((r: { ruleId: string }) => r.ruleId)).toEqual(['demo', 'director', 'pv']);
      const neverHandedOver = await insertLead(h.db, workspace.id);
      expect((await send('GET', `leads/${neverHandedOver}/handover`, cookies.rep1)).statusCode).toBe(404);
    } finally {
      h.now = null;
    }
  });
});
