import { expect, it } from 'vitest';
import { fillDemoWorkspace } from '../../demo/demo.service.ts';
import { buildWorkspace } from '../../testing/factories.ts';
import { describeOnEngines } from '../../testing/harness.ts';
import { getCalendar } from './calendar.service.ts';
import { getReadiness } from './readiness.service.ts';

const NOW = new Date('2026-03-15T10:00:00Z');

describeOnEngines('Brightwash’s campaign calendar (demo)', (h) => {
  it('shows the spring promotion launched by override and the summer deal blocked by basins and two reps', async () => {
    const { workspace, admin } = await buildWorkspace(h.db);
    await fillDemoWorkspace(h.db, workspace.id, 50, NOW);
    const ctx = { db: h.db, actor: { kind: 'user' as const, userId: admin.id, role: 'admin' as const }, workspaceId: workspace.id, now: NOW };
    const calendar = await getCalendar(ctx, { from: '2025-03-01', to: '2026-04-30' });
    const spring = calendar.items.find((item) => item.name.startsWith('Spring Detergent Promo'))!;
    expect(spring).toMatchObject({ status: 'ended', state: 'ended', offer: { kind: 'free_gift' }, productCount: 2, override: { reason: 'The TV slot is booked and paid; the spot airs on launch day whatever is ready.' } });
    expect(calendar.items.filter((item) => item.state === 'lapsed')).toEqual([]);

    const summer = calendar.items.find((item) => item.name.startsWith('Summer laundry deal'))!;
    expect(summer).toMatchObject({ status: 'draft', state: 'blocked', readiness: { ready: false, blockers: ['stock', 'briefing'] } });
    const readiness = await getReadiness(ctx, summer.id);
    expect(readiness.conditions.stock.items.map((item) => [item.sku, item.state])).toEqual([['DET-5L', 'confirmed'], ['DET-20L', 'confirmed'], ['BASIN', 'unconfirmed']]);
    expect(readiness.conditions.briefing.missing.map((rep) => rep.name).sort()).toEqual(['Jan de Vries', 'Luca Moretti']);
    expect(readiness.conditions.approvals.met).toBe(true);
    expect(readiness.conditions.notice.met).toBe(true);
  });
});
