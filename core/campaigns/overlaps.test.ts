import { describe, expect, it } from 'vitest';
import { findOverlaps, type OfferWindow } from './overlaps.ts';

const offer = (id: string, launchOn: string, endOn: string, productIds: string[], segments: string[] = []): OfferWindow => ({ id, name: id.toUpperCase(), launchOn, endOn, productIds, segments });

describe('competing offers', () => {
  it('pairs offers on the same product or segment on the same days, once per pair, with what they share', () => {
    const overlaps = findOverlaps([
      offer('b', '2026-04-10', '2026-04-30', ['det', 'basin'], [' Hospitality ']),
      offer('a', '2026-04-01', '2026-04-14', ['det', 'basin'], ['hospitality']),
      offer('c', '2026-04-15', '2026-04-20', ['det']),
      offer('d', '2026-04-01', '2026-04-30', ['other'], ['retail']),
    ]);
    expect(overlaps).toEqual([
      { campaigns: [{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }], from: '2026-04-10', to: '2026-04-14', productIds: ['det', 'basin'], segments: ['Hospitality'] },
      { campaigns: [{ id: 'b', name: 'B' }, { id: 'c', name: 'C' }], from: '2026-04-15', to: '2026-04-20', productIds: ['det'], segments: [] },
    ]);
  });

  it('counts a shared single day, not a campaign that ended the day before', () => {
    expect(findOverlaps([offer('a', '2026-04-01', '2026-04-10', ['det']), offer('b', '2026-04-10', '2026-04-12', ['det'])])).toHaveLength(1);
    expect(findOverlaps([offer('a', '2026-04-01', '2026-04-09', ['det']), offer('b', '2026-04-10', '2026-04-12', ['det'])])).toEqual([]);
  });
});
