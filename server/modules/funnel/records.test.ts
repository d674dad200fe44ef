import { expect, it } from 'vitest';
import { buildMember, buildWorkspace, signIn } from '../../testing/factories.ts';
import { describeOnEngines, type Harness } from '../../testing/harness.ts';
import { advanceLeads } from './stages.service.ts';

async function admin(h: Harness) {
  const { workspace, admin } = await buildWorkspace(h.db);
  const cookie = await signIn(h, admin);
  const url = (path: string) => `/api/v1/workspaces/${workspace.id}/${path}`;
  const send = (method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown) => h.request({ method, url: url(path), cookie, body });
  return { workspace, admin, send };
}

describeOnEngines('funnel records', (h) => {
  it('creates, updates and upserts by external id without duplicates', async () => {
    const { send } = await admin(h);
    const created = await send('POST', 'leads', { externalId: 'crm-1', email: 'Ana@Example.com', firstName: 'Ana', source: 'webinar' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ email: 'ana@example.com', stage: 'lead', source: 'webinar' });

    const again = await send('POST', 'leads', { externalId: 'crm-1', email: 'ana@example.com' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('/leads/external/');

    const upserted = await send('PUT', 'leads/external/crm-1', { email: 'ana@example.com', firstName: 'Ana', title: 'CFO', source: 'webinar' });
    expect(upserted.statusCode).toBe(200);
    expect(upserted.json()).toMatchObject({ id: created.json().id, title: 'CFO' });
    const fresh = await send('PUT', 'leads/external/crm-2', { email: 'bo@example.com' });
    expect(fresh.statusCode).toBe(201);
    const list = (await send('GET', 'leads')).json();
    expect(list.items).toHaveLength(2);
  });

  it('logs every stage change with who, when and why, and keeps the first arrival per stage', async () => {
    const { send, admin: person } = await admin(h);
    const lead = (await send('POST', 'leads', { email: 'cy@example.com', stage: 'mql', createdAt: '2026-01-10T08:00:00Z' })).json();
    expect(lead).toMatchObject({ reachedLeadAt: '2026-01-10T08:00:00.000Z', reachedMqlAt: '2026-01-10T08:00:00.000Z', reachedSalAt: null });
    const moved = await send('POST', `leads/${lead.id}/stage`, { stage: 'sal', reason: 'Called, real project' });
    expect(moved.statusCode).toBe(200);
    expect((await send('POST', `leads/${lead.id}/stage`, { stage: 'sal', reason: 'again' })).statusCode).toBe(409);
    const noReason = await send('POST', `leads/${lead.id}/stage`, { stage: 'sql', reason: '' });
    expect(noReason.json().error.details[0].field).toBe('reason');
    await send('POST', `leads/${lead.id}/stage`, { stage: 'recycled', reason: 'No budget this year' });
    await send('POST', `leads/${lead.id}/stage`, { stage: 'sal', reason: 'Budget found' });

    const detail = (await send('GET', `leads/${lead.id}`)).json();
    const stages = detail.timeline.filter((e: { kind: string }) => e.kind === 'stage');
    expect(stages.map((s: { from: string | null; to: string }) => [s.from, s.to])).toEqual([
      ['recycled', 'sal'],
      ['sal', 'recycled'],
      ['mql', 'sal'],
      [null, 'mql'],
    ]);
    expect(stages[0]).toMatchObject({ actorName: person.name, reason: 'Budget found', cause: 'manual' });
    expect(detail.lead.reachedSalAt).toBe(moved.json().reachedSalAt);
  });

  it('moves a lead to opportunity when a deal opens and to customer when it is won', async () => {
    const { send } = await admin(h);
    const lead = (await send('POST', 'leads', { externalId: 'l-9', email: 'dee@example.com', stage: 'sql' })).json();
    const deal = await send('POST', 'deals', { externalId: 'd-9', name: 'Hotel Aurora', leadExternalId: 'l-9', amountMinor: 80_000, listAmountMinor: 100_000 });
    expect(deal.statusCode).toBe(201);
    expect(deal.json()).toMatchObject({ discountRate: 0.2, status: 'open', closedAt: null });
    expect((await send('GET', `leads/${lead.id}`)).json().lead.stage).toBe('opportunity');
    await send('PUT', 'deals/external/d-9', { name: 'Hotel Aurora', leadExternalId: 'l-9', amountMinor: 80_000, listAmountMinor: 100_000, status: 'won', closedAt: '2026-02-01T12:00:00Z' });
    const after = (await send('GET', `leads/${lead.id}`)).json();
    expect(after.lead).toMatchObject({ stage: 'customer', reachedCustomerAt: '2026-02-01T12:00:00.000Z' });
    expect(after.deals).toHaveLength(1);
  });

  it('advances many leads in one write, a lead with several moves to the last, every move logged', async () => {
    const { workspace, send } = await admin(h);
    const [twice, once, ahead] = await Promise.all(
      ['a', 'b', 'c'].map(async (name, i) => (await send('POST', 'leads', { email: `${name}@example.com`, stage: i === 2 ? 'customer' : 'sql' })).json()),
    );
    const opened = new Date('2026-02-01T09:00:00Z');
    const won = new Date('2026-02-20T15:30:00Z');
    const move = { cause: 'deal', reason: 'deal' };
    const moves = await h.db.transaction((tx) =>
      advanceLeads(tx, workspace.id, [
        { ...move, leadId: twice.id, to: 'opportunity', at: opened },
        { ...move, leadId: once.id, to: 'opportunity', at: opened },
        { ...move, leadId: twice.id, to: 'customer', at: won },
        { ...move, leadId: ahead.id, to: 'opportunity', at: opened },
      ]),
    );
    expect(moves.map((m) => [m.leadId, m.from, m.to])).toEqual([
      [twice.id, 'sql', 'opportunity'],
      [once.id, 'sql', 'opportunity'],
      [twice.id, 'opportunity', 'customer'],
    ]);
    const lead = async (id: string) => (await send('GET', `leads/${id}`)).json().lead;
    expect(await lead(twice.id)).toMatchObject({ stage: 'customer', stageChangedAt: won.toISOString(), updatedAt: won.toISOString(), reachedOpportunityAt: opened.toISOString(), reachedCustomerAt: won.toISOString() });
    expect(await lead(once.id)).toMatchObject({ stage: 'opportunity', stageChangedAt: opened.toISOString(), reachedOpportunityAt: opened.toISOString(), reachedCustomerAt: null });
    expect((await lead(ahead.id)).stage).toBe('customer');
    const funnel = (await send('GET', 'funnel?by=source')).json();
    expect(funnel.total.reached).toMatchObject({ sql: 3, opportunity: 3, customer: 2 });
  });

  it('names the field and the problem for bad input, and saves nothing', async () => {
    const { send } = await admin(h);
    const cases: [string, unknown, string][] = [
      ['leads', { email: 'x@example.com', stage: 'hot' }, 'stage'],
      ['leads', { email: 'x@example.com', createdAt: '2999-01-01T00:00:00Z' }, 'createdAt'],
      ['leads', { email: 'x@example.com', createdAt: '2026-02-30' }, 'createdAt'],
      ['deals', { name: 'Neg', amountMinor: -5 }, 'amountMinor'],
      ['deals', { name: 'Early', amountMinor: 5, status: 'won', createdAt: '2026-03-01T00:00:00Z', closedAt: '2026-02-01T00:00:00Z' }, 'closedAt'],
      ['campaigns', { name: 'Backwards', startsOn: '2026-05-01', endsOn: '2026-04-01' }, 'endsOn'],
      ['activities', { type: 'fax', occurredAt: '2026-01-01T00:00:00Z' }, 'type'],
      ['deals', { name: 'Ghost', amountMinor: 5, leadExternalId: 'nobody' }, 'leadExternalId'],
    ];
    for (const [path, body, field] of cases) {
      const response = await send('POST', path, body);
      expect(response.statusCode, `${path} ${JSON.stringify(body)}`).toBe(400);
      expect(response.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    for (const path of ['leads', 'deals', 'campaigns', 'activities']) expect((await send('GET', path)).json().items).toEqual([]);
  });

  it('lets a sales rep work leads but not an operations member', async () => {
    const { workspace } = await buildWorkspace(h.db);
    const ops = await buildMember(h.db, workspace.id, 'operations');
    const cookie = await signIn(h, ops);
    const url = `/api/v1/workspaces/${workspace.id}/leads`;
    expect((await h.request({ method: 'GET', url, cookie })).statusCode).toBe(200);
    expect((await h.request({ method: 'POST', url, cookie, body: { email: 'o@example.com' } })).statusCode).toBe(403);
  });
});
