import { describe, expect, it } from 'vitest';
import { journeysToPaths, NO_CAMPAIGN, type Journey } from './journeys.ts';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 1);

describe('journeysToPaths', () => {
  const converted: Journey = {
    touches: [
      { channel: 'email', campaign: 'spring', at: T0 + 7 * DAY, isLeadCreation: true },
      { channel: 'search', campaign: null, at: T0 },
      { channel: 'event', campaign: 'expo', at: T0 + 10 * DAY, isOpportunityCreation: true },
      { channel: 'web', at: T0 + 30 * DAY },
    ],
    convertedAt: T0 + 14 * DAY,
    value: 5000,
  };

  it('orders touches by time, drops those after the conversion, and keeps ages and marks', () => {
    expect(journeysToPaths([converted])).toEqual([
      { channels: ['search', 'email', 'event'], conversions: 1, value: 5000, nulls: 0, ageDays: [14, 7, 4], leadTouch: 1, opportunityTouch: 2 },
    ]);
  });

  it('counts a journey that did not convert as one null, and can credit campaigns instead of channels', () => {
    const open: Journey = { touches: converted.touches, convertedAt: null };
    expect(journeysToPaths([open], 'campaign')).toEqual([{ channels: [NO_CAMPAIGN, 'spring', 'expo', NO_CAMPAIGN], conversions: 0, value: 0, nulls: 1 }]);
  });

  it('keeps a conversion with no touch before it as a touchless path', () => {
    expect(journeysToPaths([{ touches: [{ channel: 'web', at: T0 + DAY }], convertedAt: T0, value: 10 }])[0]).toMatchObject({ channels: [], conversions: 1, value: 10 });
  });
});
