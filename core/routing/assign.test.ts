import { describe, expect, it } from 'vitest';
import { ZRoutingRules, type RoutingRules } from '../schemas/routing.ts';
import { chooseRep, matchesLead, type RoutingLead, type RoutingRep } from './assign.ts';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const [ANNA, BEN, CARA, DAN, EVA, GHOST] = [1, 2, 3, 4, 5, 99].map(id) as [string, string, string, string, string, string];

function rep(repId: string, values: Partial<RoutingRep> = {}): RoutingRep {
  return { id: repId, active: true, away: false, capacity: null, openLeads: 0, ...values };
}

function lead(values: Partial<RoutingLead> = {}): RoutingLead {
  return { country: 'DE', industry: 'software', employees: 50, source: 'webinar', ...values };
}

const rules: RoutingRules = ZRoutingRules.parse({
  rules: [
    { id: 'dach', label: 'DACH', match: { country: ['DE', 'AT', 'CH'], maxEmployees: 999 }, repIds: [ANNA, BEN, CARA] },
    { id: 'enterprise', label: 'Enterprise', match: { minEmployees: 1000 }, repIds: [DAN] },
    { id: 'partners', label: 'Partner leads', match: { source: ['Partner'], industry: ['software', 'saas'] }, repIds: [DAN, EVA] },
  ],
  fallbackRepIds: [EVA, DAN],
});
const reps = [ANNA, BEN, CARA, DAN, EVA].map((repId) => rep(repId));

describe('chooseRep', () => {
  it('takes turns within a pool in the order the pool lists its reps', () => {
    let cursor = {};
    const order: (string | null)[] = [];
    for (let i = 0; i < 4; i++) {
      const decision = chooseRep(rules, reps, lead(), cursor);
      order.push(decision.repId);
      if (decision.repId !== null) cursor = decision.nextCursor;
    }
    expect(order).toEqual([ANNA, BEN, CARA, ANNA]);
    expect(cursor).toEqual({ dach: ANNA });
  });

  it('returns the rule and the next cursor without changing the given one', () => {
    const cursor = { dach: ANNA, fallback: EVA };
    expect(chooseRep(rules, reps, lead(), cursor)).toEqual({ repId: BEN, ruleId: 'dach', nextCursor: { dach: BEN, fallback: EVA } });
    expect(cursor).toEqual({ dach: ANNA, fallback: EVA });
  });

  it('starts from the top when the last assigned rep has left the pool', () => {
    expect(chooseRep(rules, reps, lead(), { dach: GHOST }).repId).toBe(ANNA);
  });

  it('skips reps who are away, inactive or at capacity', () => {
    const team = [rep(ANNA), rep(BEN, { away: true }), rep(CARA, { capacity: 5, openLeads: 5 }), rep(DAN), rep(EVA)];
    expect(chooseRep(rules, team, lead(), { dach: ANNA }).repId).toBe(ANNA);
    const inactive = [rep(ANNA, { active: false }), rep(BEN), rep(CARA, { capacity: 5, openLeads: 4 })];
    expect(chooseRep(rules, inactive, lead(), { dach: BEN }).repId).toBe(CARA);
    expect(chooseRep(rules, inactive, lead(), { dach: CARA }).repId).toBe(BEN);
  });

  it('matches the territory: country ignoring case, employee bounds inclusive, source and industry', () => {
    expect(chooseRep(rules, reps, lead({ country: 'at', employees: 999 }), {})).toMatchObject({ repId: ANNA, ruleId: 'dach' });
    expect(chooseRep(rules, reps, lead({ country: 'DE', employees: 1000 }), {})).toMatchObject({ repId: DAN, ruleId: 'enterprise' });
    expect(chooseRep(rules, reps, lead({ country: 'US', source: 'partner', industry: 'SaaS' }), {})).toMatchObject({ repId: DAN, ruleId: 'partners' });
    expect(matchesLead({ country: ['DE'] }, lead({ country: null }))).toBe(false);
    expect(matchesLead({ minEmployees: 10 }, lead({ employees: null }))).toBe(false);
    expect(matchesLead({}, lead({ country: null, industry: null, employees: null, source: null }))).toBe(true);
  });

  it('falls through to the next matching rule when a pool has nobody eligible', () => {
    const dachAway = reps.map((r) => ([ANNA, BEN, CARA].includes(r.id) ? { ...r, away: true } : r));
    expect(chooseRep(rules, dachAway, lead({ source: 'partner' }), { partners: DAN })).toEqual({
      repId: EVA,
      ruleId: 'partners',
      nextCursor: { partners: EVA },
    });
  });

  it('uses the fallback pool, round robin under its own key, when no rule can place the lead', () => {
    const first = chooseRep(rules, reps, lead({ country: 'FR' }), { dach: ANNA });
    expect(first).toEqual({ repId: EVA, ruleId: 'fallback', nextCursor: { dach: ANNA, fallback: EVA } });
    expect(chooseRep(rules, reps, lead({ country: 'FR' }), { fallback: EVA })).toMatchObject({ repId: DAN, ruleId: 'fallback' });
  });

  it('ignores rep ids that are not in the list of reps', () => {
    const onlyBen = [rep(BEN)];
    const withGhost = ZRoutingRules.parse({ rules: [{ id: 'dach', label: 'DACH', match: { country: ['DE'] }, repIds: [GHOST, BEN] }], fallbackRepIds: [] });
    expect(chooseRep(withGhost, onlyBen, lead(), {})).toMatchObject({ repId: BEN, ruleId: 'dach' });
    expect(chooseRep(withGhost, onlyBen, lead(), { dach: GHOST })).toMatchObject({ repId: BEN, ruleId: 'dach' });
  });

  it('says why when nobody is eligible', () => {
    const team = [rep(ANNA, { away: true }), rep(BEN, { away: true }), rep(CARA, { active: false }), rep(EVA, { capacity: 0 })];
    expect(chooseRep(rules, team, lead(), {})).toEqual({
      repId: null,
      reason: "No eligible rep in rule 'dach' or the fallback pool: 2 away, 1 inactive, 1 at capacity, 1 not among the reps",
    });
    const empty = ZRoutingRules.parse({ rules: [], fallbackRepIds: [] });
    expect(chooseRep(empty, reps, lead(), {})).toEqual({ repId: null, reason: 'No eligible rep in the fallback pool: the pools are empty' });
  });

  it('gives the same answer for the same input', () => {
    const cursor = { dach: BEN };
    expect(chooseRep(rules, reps, lead(), cursor)).toEqual(chooseRep(rules, [...reps].reverse(), lead(), cursor));
  });

  it('does not read a pool key from the object prototype', () => {
    const constructorRule = ZRoutingRules.parse({ rules: [{ id: 'constructor', label: 'Odd', match: {}, repIds: [ANNA, BEN] }], fallbackRepIds: [] });
    expect(chooseRep(constructorRule, reps, lead(), {}).repId).toBe(ANNA);
  });
});

describe('ZRoutingRules', () => {
  const issues = (input: unknown) => ZRoutingRules.safeParse(input).error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  const rule = (values: Record<string, unknown> = {}) => ({ id: 'dach', label: 'DACH', match: {}, repIds: [ANNA], ...values });

  it('names what is wrong', () => {
    expect(issues({ rules: [rule(), rule()], fallbackRepIds: [] })).toEqual(['rules: must not repeat a rule id']);
    expect(issues({ rules: [rule({ id: 'fallback' })], fallbackRepIds: [] })).toEqual(["rules.0.id: must not be 'fallback'"]);
    expect(issues({ rules: [rule({ id: 'DACH region' })], fallbackRepIds: [] })).toEqual(['rules.0.id: must be 1 to 64 lowercase letters, digits, - or _']);
    expect(issues({ rules: [rule({ repIds: [] })], fallbackRepIds: [] })).toEqual(['rules.0.repIds: must list at least one rep']);
    expect(issues({ rules: [rule({ repIds: [ANNA, ANNA] })], fallbackRepIds: [] })).toEqual(['rules.0.repIds: must not list a rep twice']);
    expect(issues({ rules: [rule({ match: { minEmployees: 500, maxEmployees: 100 } })], fallbackRepIds: [] })).toEqual([
      'rules.0.match.maxEmployees: must not be less than minEmployees',
    ]);
    expect(issues({ rules: [rule({ match: { country: [] } })], fallbackRepIds: [] })).toEqual([
      'rules.0.match.country: must list at least one value (leave the field out to match any)',
    ]);
    expect(issues({ rules: [], fallbackRepIds: ['anna'] })).toEqual(['fallbackRepIds.0: must be a UUID']);
  });
});
