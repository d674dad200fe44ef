import { describe, expect, it } from 'vitest';
import { conversionJourney, sourcedAndInfluenced, withinLookback, type DealConversion, type DealTouch } from './deal-journeys.ts';
import { journeysToPaths } from './journeys.ts';

const DAY = 86_400_000;
const touch = (day: number, channel: string, campaign: string | null = null, isInfluence = true): DealTouch => ({ at: day * DAY, channel, campaign, isInfluence });

const TOUCHES = [touch(1, 'paid_search', 'ads'), touch(20, 'email', 'newsletter', false), touch(30, 'webinar', 'webinar-1'), touch(44, 'sales'), touch(60, 'email', 'newsletter')];

function deal(overrides: Partial<DealConversion> = {}): DealConversion {
  return { at: 45 * DAY, value: 1000, leadCreatedAt: 21 * DAY, opportunityCreatedAt: 31 * DAY, touches: TOUCHES, source: { channel: 'paid_search', campaign: 'ads' }, ...overrides };
}

describe('deal journeys', () => {
  it('keeps the touches within the lookback before the conversion, both ends included', () => {
    expect(withinLookback(deal(), 25).touches.map((t) => t.at / DAY)).toEqual([20, 30, 44]);
    expect(withinLookback(deal(), 44).touches.map((t) => t.at / DAY)).toEqual([1, 20, 30, 44]);
    expect(withinLookback(deal({ at: 0.5 * DAY }), 90).touches).toEqual([]);
  });

  it('marks lead and opportunity creation on the nearest touches, without changing the loaded touches', () => {
    const journey = conversionJourney(withinLookback(deal(), 90));
    expect(journey.touches.map((t) => [t.at / DAY, Boolean(t.isLeadCreation), Boolean(t.isOpportunityCreation)])).toEqual([
      [1, false, false], [20, true, false], [30, false, true], [44, false, false],
    ]);
    expect(TOUCHES.some((t) => t.isLeadCreation || t.isOpportunityCreation)).toBe(false);
    const [path] = journeysToPaths([journey]);
    expect(path).toMatchObject({ channels: ['paid_search', 'email', 'webinar', 'sales'], leadTouch: 1, opportunityTouch: 2, conversions: 1, value: 1000 });
    expect(conversionJourney(withinLookback(deal({ touches: [] }), 90))).toEqual({ touches: [], convertedAt: 45 * DAY, value: 1000 });
  });

  it('credits sourced once per deal and influenced once per channel or campaign touched', () => {
    const windowed = [withinLookback(deal(), 90), withinLookback(deal({ value: 500, touches: [], source: { channel: 'referral', campaign: null } }), 90)];
    const byCampaign = sourcedAndInfluenced(windowed, 'campaign', 'lead_source');
    expect(Object.fromEntries(byCampaign)).toEqual({
      ads: { sourced: { count: 1, value: 1000 }, influenced: { count: 1, value: 1000 } },
      'webinar-1': { sourced: { count: 0, value: 0 }, influenced: { count: 1, value: 1000 } },
      '(no campaign)': { sourced: { count: 1, value: 500 }, influenced: { count: 0, value: 0 } },
    });
    const byChannel = sourcedAndInfluenced(windowed, 'channel', 'first_touch');
    expect(byChannel.get('email')).toBeUndefined(); // the only email touch in the window is an open, which does not count as influence
    expect(byChannel.get('referral')!.sourced).toEqual({ count: 1, value: 500 });
    expect(byChannel.get('sales')!.influenced).toEqual({ count: 1, value: 1000 });
    const firstTouch = sourcedAndInfluenced([withinLookback(deal({ source: { channel: 'direct', campaign: null } }), 25)], 'channel', 'first_touch');
    expect(firstTouch.get('email')!.sourced.count).toBe(1);
  });
});
