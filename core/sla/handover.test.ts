import { describe, expect, it } from 'vitest';
import { buildHandoverNote } from './handover.ts';

describe('handover note', () => {
  it('says why the lead qualified, newest touchpoints first, with the account and campaign', () => {
    const note = buildHandoverNote({
      version: 3,
      fit: 45,
      engagement: 52,
      leadName: 'Maria Berg',
      breakdown: [
        { ruleId: 'pv', label: 'Page views', kind: 'engagement', points: 4 },
        { ruleId: 'demo', label: 'Asked for a demo', kind: 'engagement', points: 40 },
        { ruleId: 'free', label: 'Free mail', kind: 'fit', points: -20 },
        { ruleId: 'dir', label: 'Director', kind: 'fit', points: 25 },
      ],
      touchpoints: [
        { type: 'page_view', url: '/a', channel: null, occurredAt: '2026-03-01T10:00:00.000Z' },
        { type: 'form_submit', url: '/demo', channel: null, occurredAt: '2026-03-03T10:00:00.000Z' },
      ],
      campaign: { id: 'c1', name: 'Spring webinar' },
      account: { name: 'Hotel Aurora', industry: 'Hospitality', employees: 120, country: 'DE', openDeals: 0, wonDeals: 1 },
    });
    expect(note.reasons.map((r) => r.ruleId)).toEqual(['demo', 'dir', 'pv']);
    expect(note.latestTouchpoints[0]!.url).toBe('/demo');
    expect(note.summary).toBe(
      'Maria Berg at Hotel Aurora via Spring webinar qualified under contract v3: fit 45, engagement 52; Asked for a demo (+40), Director (+25), Page views (+4).',
    );
  });
});
