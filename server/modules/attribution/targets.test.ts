import { expect, it } from 'vitest';
import { BRIDGE_FACTORS } from '../../../core/bridge/revenue-bridge.ts';
import { describeOnEngines } from '../../testing/harness.ts';
import { expectStatus, seedJanuary, workspaceWithRoles } from './fixtures.ts';

type Effect = { factor: string; team: string; label: string; effect: number };
const sum = (effects: Effect[]) => effects.reduce((total, e) => total + e.effect, 0);

describeOnEngines('shared targets, the scorecard and the revenue bridge', (h) => {
  it('sets a target per month or quarter with the teams’ leads, never zero', async () => {
    const t = await workspaceWithRoles(h, ['marketing_lead', 'sales_manager', 'sales_rep']);
    const zero = await expectStatus(t.as('marketing_lead')('POST', 'targets', { period: '2026-Q2', amountMinor: 0 }), 400);
    expect(zero.error.details).toEqual([{ field: 'amountMinor', message: 'must be above 0' }]);
    const month = await expectStatus(t.as('marketing_lead')('POST', 'targets', { period: '2026-13', amountMinor: 100 }), 400);
    expect(month.error.details[0]).toEqual({ field: 'period', message: 'must be a month such as 2026-04 or a quarter such as 2026-Q2' });
    await expectStatus(t.as('sales_rep')('POST', 'targets', { period: '2026-Q2', amountMinor: 100 }), 403);

    const quarter = await expectStatus(t.as('marketing_lead')('POST', 'targets', { period: '2026-Q2', amountMinor: 5_000_000, note: 'Spring promo included' }), 201);
    expect(quarter).toMatchObject({ periodKind: 'quarter', period: '2026-Q2', startsOn: '2026-04-01', amountMinor: 5_000_000, currency: 'EUR', createdBy: t.userOf('marketing_lead') });
    await expectStatus(t.as('sales_manager')('POST', 'targets', { period: '2026-Q2', amountMinor: 1 }), 409);
    await expectStatus(t.as('admin')('POST', 'targets', { period: '2026-05', amountMinor: 1_500_000 }), 201);
    await expectStatus(t.as('sales_manager')('PUT', `targets/${quarter.id}`, { amountMinor: 0 }), 400);
    expect(await expectStatus(t.as('sales_manager')('PUT', `targets/${quarter.id}`, { amountMinor: 6_000_000 }), 200)).toMatchObject({ amountMinor: 6_000_000, note: 'Spring promo included', updatedBy: t.userOf('sales_manager') });
    await expectStatus(t.as('sales_manager')('PUT', `targets/${crypto.randomUUID()}`, { amountMinor: 1 }), 404);
    const list = await expectStatus(t.as('sales_rep')('GET', 'targets'), 200);
    expect(list.items.map((x: { period: string }) => x.period)).toEqual(['2026-05', '2026-Q2']);
  });

  it('turns a target into the leads, MQLs, SQLs and opportunities it takes, with the period’s progress', async () => {
    const t = await workspaceWithRoles(h, ['marketing_lead', 'sales_rep']);
    await seedJanuary(t.as('admin'));
    const january = await expectStatus(t.as('sales_rep')('GET', 'scorecard?period=2026-01'), 200);
    expect(january).toMatchObject({
      period: { key: '2026-01', kind: 'month', from: '2026-01-01', to: '2026-02-01' },
      target: null,
      plan: null,
      actual: { leads: 3, mqls: 2, sqls: 2, opportunities: 3, won: 2, revenueMinor: 120_000, listMinor: 130_000 },
      links: { ledger: { from: '2026-01-01', to: '2026-01-31' }, attribution: { from: '2026-01-01', to: '2026-02-01' }, bridge: { period: '2026-01' } },
    });

    await expectStatus(t.as('marketing_lead')('POST', 'targets', { period: '2026-02', amountMinor: 150_000 }), 201);
    const february = await expectStatus(t.as('sales_rep')('GET', 'scorecard?period=2026-02'), 200);
    expect(february.trailing).toMatchObject({ from: '2025-08-01', to: '2026-02-01', avgDealMinor: 60_000 });
    expect(february.plan.stages.map((s: { stage: string; needed: number }) => [s.stage, s.needed])).toEqual([['leads', 4], ['mqls', 3], ['sqls', 3], ['opportunities', 4], ['won', 3]]);
    expect(february.plan.revenue).toEqual({ actualMinor: 0, remainingMinor: 150_000, progress: 0 });

    // A quarter with no history before it: the target stands, the funnel it takes is unknown, said why.
    await expectStatus(t.as('marketing_lead')('POST', 'targets', { period: '2025-Q3', amountMinor: 90_000 }), 201);
    const empty = await expectStatus(t.as('sales_rep')('GET', 'scorecard?period=2025-Q3'), 200);
    expect(empty.plan.stages.every((s: { needed: number | null; progress: number | null; reason: string }) => s.needed === null && s.progress === null && s.reason.startsWith('no deal was won'))).toBe(true);
    expect((await expectStatus(t.as('sales_rep')('GET', 'scorecard'), 200)).period.kind).toBe('quarter');
  });

  it('splits the gap to the previous period or to the target into the seven levers, summing exactly', async () => {
    const t = await workspaceWithRoles(h, ['marketing_lead', 'sales_rep']);
    await seedJanuary(t.as('admin'));
    const previous = await expectStatus(t.as('sales_rep')('GET', 'bridge?period=2026-01'), 200);
    expect(previous).toMatchObject({ compare: 'previous', base: { label: '2025-12', revenueMinor: 0 }, current: { label: '2026-01', revenueMinor: 120_000 }, gap: 120_000 });
    expect(previous.effects.map((e: Effect) => e.factor)).toEqual([...BRIDGE_FACTORS]);
    expect(previous.effects[0]).toMatchObject({ factor: 'leads', team: 'marketing', label: 'Lead volume' });
    expect(sum(previous.effects)).toBeCloseTo(previous.explained.gap, 6);
    // The deal without a lead has no funnel to carry it: its revenue is shown outside the levers.
    expect(previous.outsideFunnel).toEqual({ base: 0, current: 20_000, change: 20_000 });
    expect(previous.explained.gap + previous.outsideFunnel.change).toBeCloseTo(previous.gap, 6);
    expect(previous.teams.map((x: { team: string }) => x.team)).toEqual(['marketing', 'shared', 'sales']);
    const search = previous.segments.find((s: { segment: string }) => s.segment === 'paid_search');
    expect(search.factors.current).toMatchObject({ leads: 1, mqlRate: 1, acceptanceRate: 1, opportunityRate: 1, winRate: 1, avgDealSize: 110_000 });
    expect(search.factors.base).toBeNull();

    const noTarget = await expectStatus(t.as('sales_rep')('GET', 'bridge?period=2026-01&compare=target'), 400);
    expect(noTarget.error.details[0].field).toBe('period');
    await expectStatus(t.as('marketing_lead')('POST', 'targets', { period: '2026-01', amountMinor: 100_000 }), 201);
    const noHistory = await expectStatus(t.as('sales_rep')('GET', 'bridge?period=2026-01&compare=target'), 400);
    expect(noHistory.error.message).toMatch(/no won revenue in the six months before/);

    await expectStatus(t.as('marketing_lead')('POST', 'targets', { period: '2026-02', amountMinor: 150_000 }), 201);
    const target = await expectStatus(t.as('sales_rep')('GET', 'bridge?period=2026-02&compare=target'), 200);
    expect(target).toMatchObject({ base: { label: 'Target 2026-02', revenueMinor: 150_000 }, current: { revenueMinor: 0 }, gap: -150_000, outsideFunnel: { base: 0, current: 0, change: 0 } });
    expect(target.explained.base).toBeCloseTo(150_000, 6);
    expect(target.effects.find((e: Effect) => e.factor === 'leads').effect).toBeCloseTo(-150_000, 6);
    expect(sum(target.effects)).toBeCloseTo(-150_000, 6);
  });
});
