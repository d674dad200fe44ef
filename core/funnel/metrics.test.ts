import { describe, expect, it } from 'vitest';
import { addAnonymousVisitors, emptyCounts, quantileOfBuckets, stageVelocity, summarizeFunnel, type FunnelCell, type StageCounts } from './metrics.ts';

function counts(values: Partial<StageCounts>): StageCounts {
  return { ...emptyCounts(), ...values };
}

describe('summarizeFunnel', () => {
  const cells: FunnelCell[] = [
    { group: 'webinar', cohort: '2026-01', reached: counts({ lead: 10, mql: 8, sal: 6, sql: 4, opportunity: 3, customer: 2 }) },
    { group: 'webinar', cohort: '2026-02', reached: counts({ lead: 10, mql: 6, sal: 4, sql: 2, opportunity: 1, customer: 0 }) },
    { group: 'paid_social', cohort: '2026-01', reached: counts({ lead: 100, mql: 40, sal: 5, sql: 1 }) },
    { group: null, cohort: '2026-02', reached: counts({ lead: 5 }) },
  ];

  it('adds cohorts into groups and computes the conversion between stages', () => {
    const { groups } = summarizeFunnel(cells);
    expect(groups.map((g) => g.group)).toEqual(['paid_social', 'webinar', null]);
    const webinar = groups[1]!;
    expect(webinar.reached).toMatchObject({ lead: 20, mql: 14, sal: 10, sql: 6, opportunity: 4, customer: 2 });
    expect(webinar.steps.find((s) => s.from === 'mql')!.rate).toBeCloseTo(10 / 14);
    expect(webinar.leadToCustomer).toBeCloseTo(0.1);
    expect(groups[0]!.steps.find((s) => s.from === 'sal')!.rate).toBeCloseTo(0.2);
  });

  it('gives null, never NaN, where nobody reached the earlier stage', () => {
    const { groups } = summarizeFunnel(cells);
    const none = groups[2]!;
    expect(none.steps.find((s) => s.from === 'mql')!.rate).toBeNull();
    expect(none.steps.find((s) => s.from === 'visitor')!.rate).toBeNull();
    expect(JSON.stringify(summarizeFunnel([]))).not.toContain('NaN');
    expect(summarizeFunnel([]).total.leadToCustomer).toBeNull();
  });

  it('totals every group and lists cohorts in month order', () => {
    const { total, cohorts } = summarizeFunnel(cells);
    expect(total.reached.lead).toBe(125);
    expect(total.reached.customer).toBe(2);
    expect(cohorts.map((c) => [c.cohort, c.reached.lead])).toEqual([
      ['2026-01', 110],
      ['2026-02', 15],
    ]);
  });
});

describe('stageVelocity', () => {
  it('takes the median and 90th percentile of day buckets by nearest rank', () => {
    expect(quantileOfBuckets([{ days: 1, count: 1 }, { days: 2, count: 1 }, { days: 10, count: 1 }], 0.5)).toBe(2);
    expect(quantileOfBuckets([{ days: 3, count: 9 }, { days: 40, count: 1 }], 0.9)).toBe(3);
    expect(quantileOfBuckets([{ days: 3, count: 9 }, { days: 40, count: 2 }], 0.9)).toBe(40);
    expect(quantileOfBuckets([], 0.5)).toBeNull();
  });

  it('counts negative durations as bad timestamps and keeps them out of the percentiles', () => {
    const report = stageVelocity([
      { group: 'event', from: 'opportunity', to: 'customer', days: -2, count: 3 },
      { group: 'event', from: 'opportunity', to: 'customer', days: 20, count: 5 },
      { group: 'event', from: 'opportunity', to: 'customer', days: 60, count: 1 },
      { group: 'event', from: 'lead', to: 'mql', days: 0, count: 4 },
    ]);
    expect(report.negativeDurations).toBe(3);
    expect(report.velocity).toEqual([
      { group: 'event', from: 'lead', to: 'mql', count: 4, medianDays: 0, p90Days: 0 },
      { group: 'event', from: 'opportunity', to: 'customer', count: 6, medianDays: 20, p90Days: 60 },
    ]);
  });
});

describe('addAnonymousVisitors', () => {
  it('puts browsers who never identified at the top of the total and their month, not of any group', () => {
    const summary = summarizeFunnel([{ group: 'webinar', cohort: '2026-01', reached: counts({ visitor: 10, lead: 10, mql: 4 }) }]);
    const withVisitors = addAnonymousVisitors(summary, new Map([['2026-01', 30], ['2026-02', 5]]));
    expect(withVisitors.total.reached.visitor).toBe(45);
    expect(withVisitors.total.steps[0]).toEqual({ from: 'visitor', to: 'lead', rate: 10 / 45 });
    expect(withVisitors.cohorts.map((c) => [c.cohort, c.reached.visitor, c.reached.lead])).toEqual([['2026-01', 40, 10], ['2026-02', 5, 0]]);
    expect(withVisitors.groups[0]!.reached.visitor).toBe(10);
  });
});
