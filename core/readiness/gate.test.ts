import { describe, expect, it } from 'vitest';
import { campaignState, evaluateReadiness, requiredApprovals, type ReadinessInput } from './gate.ts';

const ann = { userId: 'ann', name: 'Ann Ops' };
const at = (iso: string) => new Date(iso);

/** A promotion that passes the gate: every condition met; each test breaks one. */
function ready(): ReadinessInput {
  return {
    today: '2026-03-02',
    timeZone: 'Europe/Paris',
    launchOn: '2026-04-01',
    endOn: '2026-04-14',
    announceOn: null,
    offer: { kind: 'discount', description: null, discountPercent: 20, priceMinor: null },
    policy: { minNoticeDays: 14, financeApprovalAbovePercent: 10 },
    stock: [
      { productId: 'p1', sku: 'DET-5L', name: 'Detergent', kind: 'product', demand: 2100, confirmation: { ...ann, at: at('2026-03-02T09:00:00Z'), decision: 'confirmed', reason: null, launchOn: '2026-04-01', endOn: '2026-04-14', demand: 2100 } },
      { productId: 'p2', sku: 'BASIN', name: 'Basin', kind: 'promo_item', demand: 2100, confirmation: { ...ann, at: at('2026-03-02T09:00:00Z'), decision: 'shortfall_accepted', reason: 'May delivery', launchOn: '2026-04-01', endOn: '2026-04-14', demand: 2100 } },
    ],
    approvals: {
      termsKey: 'k1',
      given: [
        { role: 'marketing_lead', userId: 'ml', name: 'Mia Lead', at: at('2026-03-02T10:00:00Z'), termsKey: 'k1', note: null },
        { role: 'sales_manager', userId: 'sm', name: 'Sam Manager', at: at('2026-03-02T10:00:00Z'), termsKey: 'k1', note: null },
        { role: 'finance', userId: 'fi', name: 'Fay Finance', at: at('2026-03-02T10:00:00Z'), termsKey: 'k1', note: 'ok' },
      ],
    },
    briefing: {
      contentKey: 'b1',
      latest: { version: 1, contentKey: 'b1', userId: 'mk', name: 'Max Marketing', at: at('2026-03-02T11:00:00Z') },
      first: { userId: 'mk', name: 'Max Marketing', at: at('2026-03-02T11:00:00Z') },
    },
    reps: [
      { userId: 'ada', name: 'Ada' },
      { userId: 'bo', name: 'Bo' },
    ],
    acknowledgements: new Map([
      ['ada', { userId: 'ada', name: 'Ada', at: at('2026-03-03T08:00:00Z'), isOnBehalf: false }],
      ['bo', { userId: 'sm', name: 'Sam Manager', at: at('2026-03-03T08:00:00Z'), isOnBehalf: true }],
    ]),
  };
}

describe('launch gate', () => {
  it('lets a campaign through when all four conditions hold, and says who did what', () => {
    const report = evaluateReadiness(ready());
    expect(report.ready).toBe(true);
    expect(report.blockers).toEqual([]);
    expect(report.conditions.stock.summary).toBe('Operations confirmed stock for all 2 products and promo items (1 shortfall accepted).');
    expect(report.conditions.briefing.summary).toBe('All 2 reps acknowledged briefing v1.');
    expect(report.conditions.approvals.summary).toBe('The offer is approved by Mia Lead (Marketing lead), Sam Manager (Sales manager), Fay Finance (Finance).');
    expect(report.conditions.notice).toMatchObject({ met: true, briefedOn: '2026-03-02', noticeDays: 30, deadline: '2026-03-18', summary: 'Sales was briefed on 2026-03-02 by Max Marketing, 30 days before the launch (at least 14).' });
  });

  it('holds a confirmation only for the dates it was given and a demand no higher', () => {
    const input = ready();
    input.stock[0]!.demand = 2500;
    input.launchOn = '2026-04-02';
    const { stock } = evaluateReadiness(input).conditions;
    expect(stock.items.map((item) => item.state)).toEqual(['outdated', 'outdated']);
    expect(stock.summary).toBe('Operations has not confirmed stock for 2 of 2 products and promo items: DET-5L, BASIN (2 confirmed for other dates or a smaller demand).');
    const lower = ready();
    lower.stock[0]!.demand = 1900;
    expect(evaluateReadiness(lower).conditions.stock.met).toBe(true);
  });

  it('needs the briefing published as the campaign stands and acknowledged by every rep', () => {
    const changed = ready();
    changed.briefing.contentKey = 'b2';
    expect(evaluateReadiness(changed).blockers).toEqual([
      { condition: 'briefing', message: 'The campaign changed since briefing v1 was published on 2026-03-02: publish it again.' },
    ]);
    const missing = ready();
    missing.reps = [...missing.reps, { userId: 'cy', name: 'Cy' }];
    expect(evaluateReadiness(missing).conditions.briefing).toMatchObject({ met: false, expected: 3, acknowledged: 2, missing: [{ userId: 'cy', name: 'Cy' }], summary: '1 of 3 reps have not acknowledged briefing v1: Cy.' });
    const unpublished = ready();
    unpublished.briefing = { contentKey: 'b1', latest: null, first: null };
    const report = evaluateReadiness(unpublished);
    expect(report.blockers.map((b) => b.condition)).toEqual(['briefing', 'notice']);
    expect(report.conditions.briefing.missing).toHaveLength(2);
  });

  it('asks Finance only above the threshold, and counts only approvals of the terms as they stand', () => {
    const policy = { minNoticeDays: 14, financeApprovalAbovePercent: 10 };
    expect(requiredApprovals({ kind: 'discount', description: null, discountPercent: 10, priceMinor: null }, policy)).toEqual(['marketing_lead', 'sales_manager']);
    expect(requiredApprovals({ kind: 'bundle', description: null, discountPercent: null, priceMinor: 4_990 }, policy)).toEqual(['marketing_lead', 'sales_manager']);
    expect(requiredApprovals({ kind: 'free_gift', description: 'A basin', discountPercent: null, priceMinor: null }, policy)).toEqual([]);
    const moved = ready();
    moved.approvals.termsKey = 'k2';
    expect(evaluateReadiness(moved).conditions.approvals).toMatchObject({
      met: false,
      missing: ['marketing_lead', 'sales_manager', 'finance'],
      summary: "The offer's price or discount awaits approval by: Marketing lead, Sales manager, Finance (the discount is above 10 %).",
    });
    const gift = ready();
    gift.offer = { kind: 'free_gift', description: 'A basin', discountPercent: null, priceMinor: null };
    gift.approvals.given = [];
    expect(evaluateReadiness(gift).conditions.approvals).toMatchObject({ met: true, isNeeded: false, summary: 'The offer has no price or discount: no approval needed.' });
  });

  it('counts the notice from the first publication, in the workspace’s days, to the announcement if there is one', () => {
    const late = ready();
    late.announceOn = '2026-03-10';
    expect(evaluateReadiness(late).conditions.notice).toMatchObject({
      met: false,
      countedTo: 'announcement',
      noticeDays: 8,
      summary: 'Sales was briefed on 2026-03-02 by Max Marketing, only 8 days before the announcement; at least 14 are needed: move the announcement to 2026-03-16 or later.',
    });
    const evening = ready();
    evening.briefing.first = { userId: 'mk', name: 'Max Marketing', at: at('2026-03-18T23:30:00Z') };
    expect(evaluateReadiness(evening).conditions.notice).toMatchObject({ met: false, briefedOn: '2026-03-19', noticeDays: 13 });
    const tooLate = ready();
    tooLate.today = '2026-03-25';
    tooLate.briefing = { contentKey: 'b1', latest: null, first: null };
    expect(evaluateReadiness(tooLate).conditions.notice.summary).toBe("The 14 days' notice before the launch on 2026-04-01 can no longer be given: move the launch to 2026-04-08 or later.");
  });

  it('tells a campaign’s state from its status, its launch day and the gate', () => {
    const draft = { status: 'draft' as const, launchOn: '2026-04-01', isOverridden: false };
    expect(campaignState(draft, '2026-03-02', true)).toBe('ready');
    expect(campaignState(draft, '2026-03-02', false)).toBe('blocked');
    expect(campaignState(draft, '2026-04-02', true)).toBe('lapsed');
    expect(campaignState({ ...draft, status: 'scheduled', isOverridden: true }, '2026-03-02', false)).toBe('overridden');
    expect(campaignState({ ...draft, status: 'live' }, '2026-04-02', false)).toBe('live');
  });
});
