import { expect, it } from 'vitest';
import { buildWorkspace, signIn } from '../../testing/factories.ts';
import { describeOnEngines, type Harness } from '../../testing/harness.ts';
import { stitchVisitor } from './touchpoints.service.ts';

async function setup(h: Harness) {
  const { workspace, admin } = await buildWorkspace(h.db);
  const cookie = await signIn(h, admin);
  const send = (method: 'GET' | 'POST', path: string, body?: unknown) =>
    h.request({ method, url: `/api/v1/workspaces/${workspace.id}/${path}`, cookie, body });
  return { workspace, send };
}

function batch(count: number, leadExternalId: string) {
  return {
    touchpoints: Array.from({ length: count }, (_, i) => ({
      leadExternalId,
      type: i % 2 ? 'email_click' : 'page_view',
      url: `https://brightwash.example/p/${i}`,
      occurredAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
    })),
  };
}

describeOnEngines('touchpoint ingest', (h) => {
  it('stores a batch once even when it is sent twice', async () => {
    const { send } = await setup(h);
    await send('POST', 'leads', { externalId: 'L1', email: 'l1@example.com' });
    const first = await send('POST', 'touchpoints/batch', batch(2_000, 'L1'));
    expect(first.json()).toEqual({ received: 2_000, stored: 2_000, duplicates: 0 });
    const second = await send('POST', 'touchpoints/batch', batch(2_000, 'L1'));
    expect(second.json()).toEqual({ received: 2_000, stored: 0, duplicates: 2_000 });
  });

  it('refuses the whole batch when one touchpoint is wrong, naming it', async () => {
    const { send } = await setup(h);
    await send('POST', 'leads', { externalId: 'L2', email: 'l2@example.com' });
    const body = batch(3, 'L2');
    body.touchpoints[1]!.leadExternalId = 'nobody';
    const refused = await send('POST', 'touchpoints/batch', body);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details).toEqual([{ field: 'touchpoints.1.leadExternalId', message: 'no lead with external id "nobody"' }]);
    const duplicateIds = await send('POST', 'touchpoints/batch', {
      touchpoints: [
        { externalId: 'e1', leadExternalId: 'L2', type: 'event', occurredAt: '2026-01-01T00:00:00Z' },
        { externalId: 'e1', leadExternalId: 'L2', type: 'call', occurredAt: '2026-01-01T00:00:00Z' },
      ],
    });
    expect(duplicateIds.json().error.details).toEqual([{ field: 'touchpoints.1.externalId', message: 'duplicates touchpoint 0 of this batch' }]);
    const badType = await send('POST', 'touchpoints/batch', { touchpoints: [{ leadExternalId: 'L2', type: 'smoke_signal', occurredAt: '2026-01-01T00:00:00Z' }] });
    expect(badType.json().error.details[0].field).toBe('touchpoints.0.type');
    const lead = (await send('GET', 'leads?q=l2')).json().items[0];
    const unknownId = await send('POST', 'touchpoints/batch', {
      touchpoints: [
        { leadId: lead.id, type: 'event', occurredAt: '2026-01-01T00:00:00Z' },
        { leadId: crypto.randomUUID(), type: 'call', occurredAt: '2026-01-01T00:00:00Z' },
      ],
    });
    expect(unknownId.statusCode).toBe(400);
    expect(unknownId.json().error.details).toEqual([{ field: 'touchpoints.1.leadId', message: 'no lead with this id in this workspace' }]);
    expect((await send('GET', `leads/${lead.id}`)).json().timeline.filter((e: { kind: string }) => e.kind === 'touchpoint')).toEqual([]);
  });

  it('refuses more than 10,000 touchpoints in one request', async () => {
    const { send } = await setup(h);
    const response = await send('POST', 'touchpoints/batch', batch(10_001, 'any'));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0]).toEqual({ field: 'touchpoints', message: 'must hold at most 10000 touchpoints per request' });
  });

  it('keeps an anonymous visitor’s touchpoints and gives them to the lead once stitched', async () => {
    const { workspace, send } = await setup(h);
    await send('POST', 'touchpoints/batch', {
      touchpoints: [
        { anonymousId: 'anon-7', type: 'page_view', url: '/pricing', occurredAt: '2026-01-01T10:00:00Z' },
        { anonymousId: 'anon-7', type: 'page_view', url: '/demo', occurredAt: '2026-01-01T10:05:00Z' },
      ],
    });
    const lead = (await send('POST', 'leads', { email: 'anon@example.com' })).json();
    expect(await h.db.transaction((tx) => stitchVisitor(tx, workspace.id, 'anon-7', lead.id, new Date()))).toBe(2);
    await send('POST', 'touchpoints/batch', { touchpoints: [{ anonymousId: 'anon-7', type: 'page_view', url: '/contact', occurredAt: '2026-01-02T10:00:00Z' }] });
    const timeline = (await send('GET', `leads/${lead.id}`)).json().timeline;
    expect(timeline.filter((e: { kind: string }) => e.kind === 'touchpoint').map((e: { url: string }) => e.url)).toEqual(['/contact', '/demo', '/pricing']);
  });
});
