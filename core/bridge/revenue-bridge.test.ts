import { describe, expect, it } from 'vitest';
import { ZBridgeInput } from '../schemas/attribution.ts';
import { BRIDGE_FACTORS, revenueBridge, type SegmentFactors } from './revenue-bridge.ts';

const segment = (name: string, overrides: Partial<SegmentFactors> = {}): SegmentFactors => ({
  segment: name,
  leads: 1000,
  mqlRate: 0.3,
  acceptanceRate: 0.6,
  opportunityRate: 0.5,
  winRate: 0.25,
  avgDealSize: 10_000,
  discount: 0.1,
  ...overrides,
});
const revenue = (s: SegmentFactors) => s.leads * s.mqlRate! * s.acceptanceRate! * s.opportunityRate! * s.winRate! * s.avgDealSize! * (1 - s.discount!);
const effect = (effects: { factor: string; effect: number }[], factor: string) => effects.find((e) => e.factor === factor)!.effect;

describe('revenue bridge', () => {
  const base = [segment('search'), segment('events', { leads: 200, winRate: 0.4, avgDealSize: 30_000 }), segment('social', { leads: 500 })];
  const current = [
    segment('search', { leads: 1300, mqlRate: 0.26, discount: 0.15 }),
    segment('events', { leads: 180, winRate: 0.45, avgDealSize: 28_000, acceptanceRate: 0.7 }),
    segment('partners', { leads: 80, opportunityRate: 0.6 }),
  ];
  const bridge = revenueBridge({ base, current });

  it('computes revenue as the product of the seven factors and sums the effects exactly to the gap', () => {
    expect(bridge.base).toBeCloseTo(base.reduce((s, x) => s + revenue(x), 0), 6);
    expect(bridge.current).toBeCloseTo(current.reduce((s, x) => s + revenue(x), 0), 6);
    const total = bridge.effects.reduce((s, e) => s + e.effect, 0);
    expect(Math.abs(total - bridge.gap)).toBeLessThan(1e-9 * bridge.base);
    for (const s of bridge.segments) expect(Math.abs(s.effects.reduce((sum, e) => sum + e.effect, 0) - s.gap)).toBeLessThan(1e-9 * Math.max(s.base, s.current));
    expect(bridge.teams.marketing + bridge.teams.shared + bridge.teams.sales).toBeCloseTo(bridge.gap, 6);
  });

  it('lays each change on its lever and labels the team that owns it', () => {
    expect(bridge.effects.map((e) => [e.factor, e.team])).toEqual([
      ['leads', 'marketing'],
      ['mqlRate', 'marketing'],
      ['acceptanceRate', 'shared'],
      ['opportunityRate', 'sales'],
      ['winRate', 'sales'],
      ['avgDealSize', 'sales'],
      ['discount', 'sales'],
    ]);
    const search = bridge.segments.find((s) => s.segment === 'search')!;
    expect(effect(search.effects, 'leads')).toBeGreaterThan(0);
    expect(effect(search.effects, 'mqlRate')).toBeLessThan(0);
    expect(effect(search.effects, 'discount')).toBeLessThan(0);
    expect(effect(search.effects, 'winRate')).toBe(0);
  });

  it('gives a segment that appears or disappears entirely to lead volume', () => {
    const partners = bridge.segments.find((s) => s.segment === 'partners')!;
    expect(partners.base).toBe(0);
    expect(effect(partners.effects, 'leads')).toBeCloseTo(revenue(current[2]!), 9);
    const social = bridge.segments.find((s) => s.segment === 'social')!;
    expect(effect(social.effects, 'leads')).toBeCloseTo(-revenue(base[2]!), 9);
    expect(social.effects.filter((e) => e.factor !== 'leads').every((e) => e.effect === 0)).toBe(true);
  });

  it('lays a rate that went to zero on that rate; a rate with no base (null) takes the other period', () => {
    const dropped = revenueBridge({ base: [segment('a')], current: [segment('a', { mqlRate: 0, acceptanceRate: null, opportunityRate: null, winRate: null, avgDealSize: null, discount: null })] });
    expect(effect(dropped.effects, 'mqlRate')).toBeCloseTo(-revenue(segment('a')), 9);
    expect(dropped.effects.filter((e) => e.factor !== 'mqlRate').every((e) => e.effect === 0)).toBe(true);
    const bothZero = revenueBridge({ base: [segment('a', { winRate: 0 })], current: [segment('a', { leads: 0 })] });
    expect(bothZero.gap).toBe(0);
    expect(bothZero.effects.every((e) => e.effect === 0)).toBe(true);
  });

  it('is well defined against a zero target: everything goes to the factors that were zero', () => {
    const fromNothing = revenueBridge({ base: [], current });
    expect(effect(fromNothing.effects, 'leads')).toBeCloseTo(fromNothing.current, 6);
    const zeroTarget = revenueBridge({ base: [segment('search', { leads: 0, winRate: 0 })], current: [segment('search')] });
    expect(effect(zeroTarget.effects, 'leads')).toBeCloseTo(revenue(segment('search')) / 2, 9);
    expect(effect(zeroTarget.effects, 'winRate')).toBeCloseTo(revenue(segment('search')) / 2, 9);
  });

  it('refuses a segment named twice', () => {
    expect(() => revenueBridge({ base: [segment('a'), segment('a')], current: [] })).toThrow('segment "a" appears twice in the base period');
  });
});

describe('the bridge file contract', () => {
  const valid = { periods: { base: { segments: [segment('a')] }, current: { label: 'Q2', segments: [segment('a'), segment('b')] } } };
  const firstIssue = (input: unknown) => {
    const issue = ZBridgeInput.safeParse(input).error?.issues[0];
    return issue && `${issue.path.join('.')} ${issue.message}`;
  };

  it('accepts the documented shape', () => {
    expect(ZBridgeInput.safeParse({ currency: 'eur', ...valid }).data?.currency).toBe('EUR');
    expect(BRIDGE_FACTORS.every((factor) => factor in valid.periods.base.segments[0]!)).toBe(true);
  });

  it('names the bad field', () => {
    const withSegment = (s: object) => ({ periods: { base: { segments: [] }, current: { segments: [segment('a'), segment('b'), s] } } });
    expect(firstIssue(withSegment(segment('c', { winRate: 1.5 })))).toBe('periods.current.segments.2.winRate must be between 0 and 1');
    expect(firstIssue(withSegment({ ...segment('c'), leads: -1 }))).toBe('periods.current.segments.2.leads must not be negative');
    expect(firstIssue(withSegment({ ...segment('c'), win_rate: 0.2 }))).toMatch(/^periods.current.segments.2 Unrecognized key: "win_rate"/);
    expect(firstIssue(withSegment(segment('a')))).toBe('periods.current.segments.2.segment "a" appears twice');
    expect(firstIssue(withSegment(segment('c', { acceptanceRate: null })))).toBe('periods.current.segments.2.acceptanceRate may be null only when an earlier factor is zero or null (the rate has no base)');
  });
});
