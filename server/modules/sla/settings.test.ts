import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { auditEvents } from '../audit/audit.table.ts';
import { buildMember, buildWorkspace, signIn } from '../../testing/factories.ts';
import { describeOnEngines, type Harness } from '../../testing/harness.ts';

const NINE_TO_FIVE = [{ start: '09:00', end: '17:00' }];
const WEEKDAYS = { mon: NINE_TO_FIVE, tue: NINE_TO_FIVE, wed: NINE_TO_FIVE, thu: NINE_TO_FIVE, fri: NINE_TO_FIVE };

async function setup(h: Harness) {
  const { workspace } = await buildWorkspace(h.db);
  const rep = await buildMember(h.db, workspace.id, 'sales_rep');
  const otherRep = await buildMember(h.db, workspace.id, 'sales_rep');
  const manager = await buildMember(h.db, workspace.id, 'sales_manager');
  const marketer = await buildMember(h.db, workspace.id, 'marketing');
  const cookies = { rep: await signIn(h, rep), manager: await signIn(h, manager) };
  const send = (method: 'GET' | 'PUT', path: string, cookie: string, body?: unknown) =>
    h.request({ method, url: `/api/v1/workspaces/${workspace.id}/${path}`, cookie, body });
  return { workspace, rep, otherRep, manager, marketer, cookies, send };
}

describeOnEngines('sales settings', (h) => {
  it('reads the defaults until a manager saves working hours and routing, and audits the change', async () => {
    const { workspace, rep, otherRep, manager, cookies, send } = await setup(h);
    const defaults = (await send('GET', 'sales-settings', cookies.rep)).json();
    expect(defaults).toEqual({
      calendar: { timeZone: 'Europe/Paris', hours: { ...WEEKDAYS, sat: [], sun: [] }, holidays: [] },
      routing: { rules: [], fallbackRepIds: [rep.id, otherRep.id] },
      isDefault: { calendar: true, routing: true },
      updatedAt: null,
      updatedBy: null,
    });

    const settings = {
      calendar: { timeZone: 'europe/berlin', hours: { mon: NINE_TO_FIVE }, holidays: ['2026-12-25'] },
      routing: { rules: [{ id: 'dach', label: 'DACH', match: { country: ['DE', 'AT', 'CH'] }, repIds: [rep.id, manager.id] }], fallbackRepIds: [otherRep.id] },
    };
    expect((await send('PUT', 'sales-settings', cookies.rep, settings)).statusCode).toBe(403);
    const saved = await send('PUT', 'sales-settings', cookies.manager, settings);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ calendar: { timeZone: 'Europe/Berlin', holidays: ['2026-12-25'] }, routing: settings.routing, isDefault: { calendar: false, routing: false }, updatedBy: manager.id });
    expect((await send('GET', 'sales-settings', cookies.rep)).json()).toEqual(saved.json());
    const audit = await h.db.select().from(auditEvents).where(and(eq(auditEvents.workspaceId, workspace.id), eq(auditEvents.action, 'sales_settings.update')));
    expect(audit).toHaveLength(1);
  });

  it('names the field of every rep who is not a sales rep or manager of this workspace, and of a bad calendar', async () => {
    const { rep, marketer, cookies, send } = await setup(h);
    const outsider = (await buildWorkspace(h.db)).admin;
    const routing = { rules: [{ id: 'all', label: 'All', match: {}, repIds: [rep.id, marketer.id] }], fallbackRepIds: [outsider.id] };
    const strangers = await send('PUT', 'sales-settings', cookies.manager, { calendar: { timeZone: 'UTC', hours: WEEKDAYS }, routing });
    expect(strangers.statusCode).toBe(400);
    expect(strangers.json().error.details).toEqual([
      { field: 'routing.rules.0.repIds', message: `not a sales rep or sales manager of this workspace: ${marketer.id}` },
      { field: 'routing.fallbackRepIds', message: `not a sales rep or sales manager of this workspace: ${outsider.id}` },
    ]);
    const badCalendar = await send('PUT', 'sales-settings', cookies.manager, {
      calendar: { timeZone: 'UTC', hours: { mon: [{ start: '17:00', end: '09:00' }] } },
      routing: { rules: [], fallbackRepIds: [] },
    });
    expect(badCalendar.json().error.details).toEqual([{ field: 'calendar.hours.mon.0.end', message: 'must be after start' }]);
  });

  it('lets a rep mark themselves away, and only a manager set capacity or anyone else’s availability', async () => {
    const { rep, otherRep, manager, marketer, cookies, send } = await setup(h);
    expect((await send('PUT', `reps/${rep.id}`, cookies.rep, { away: true })).statusCode).toBe(200);
    const ownCapacity = await send('PUT', `reps/${rep.id}`, cookies.rep, { away: true, capacity: 3 });
    expect(ownCapacity.statusCode).toBe(403);
    expect(ownCapacity.json().error.message).toBe('Only a sales manager can change a rep’s capacity.');
    expect((await send('PUT', `reps/${otherRep.id}`, cookies.rep, { away: true })).statusCode).toBe(403);
    expect((await send('PUT', `reps/${otherRep.id}`, cookies.manager, { capacity: 2 })).json()).toMatchObject({ userId: otherRep.id, away: false, capacity: 2 });
    expect((await send('PUT', `reps/${marketer.id}`, cookies.manager, { away: true })).statusCode).toBe(404);
    expect((await send('PUT', `reps/${rep.id}`, cookies.manager, {})).json().error.details).toEqual([{ field: 'body', message: 'must set away or capacity' }]);

    const reps = (await send('GET', 'reps', cookies.rep)).json().items;
    expect(reps.map((r: { userId: string; role: string; away: boolean; capacity: number | null; openMqls: number }) => [r.userId, r.role, r.away, r.capacity, r.openMqls])).toEqual([
      [rep.id, 'sales_rep', true, null, 0],
      [otherRep.id, 'sales_rep', false, 2, 0],
      [manager.id, 'sales_manager', false, null, 0],
    ]);
  });
});
