import { describe, expect, it } from 'vitest';
import { campaignDemand, forecastCampaign, type CampaignLink, type StockProduct } from './forecast.ts';

const detergent: StockProduct = { productId: 'p1', sku: 'DET-5L', name: 'Detergent 5 l', kind: 'product', onHand: 10_000, weeklyBaseline: 700, incoming: [] };
const basin: StockProduct = { productId: 'p2', sku: 'BASIN', name: 'Washing basin', kind: 'promo_item', onHand: 1_000, weeklyBaseline: 0, incoming: [{ on: '2026-04-06', quantity: 500 }] };
const links: CampaignLink[] = [
  { product: detergent, upliftPercent: null, perUnit: null },
  { product: basin, upliftPercent: null, perUnit: 1 },
];
const window = { launchOn: '2026-04-01', endOn: '2026-04-14', upliftPercent: 50 };

describe('campaign forecast', () => {
  it('sells the baseline × (1 + uplift) during the campaign, and a gift per unit sold', () => {
    expect(campaignDemand(links, window)).toEqual([2100, 2100]);
    expect(campaignDemand([{ product: detergent, upliftPercent: -100, perUnit: null }], window)).toEqual([0]);
    expect(campaignDemand([links[0]!, { product: basin, upliftPercent: null, perUnit: 0.5 }], window)).toEqual([2100, 1050]);
    expect(campaignDemand([{ product: detergent, upliftPercent: 10, perUnit: null }], window)).toEqual([1540]);
  });

  it('draws the stock down day by day with the deliveries, and flags the week it runs out', () => {
    const [det, bas] = forecastCampaign(links, window, '2026-03-02');
    expect(det).toMatchObject({ demand: 5100, available: 10_000, shortfall: 0, coverage: 1.96, runsOutOn: null, runsOutWeek: null });
    expect(bas).toMatchObject({ campaignDemand: 2100, demand: 2100, available: 1500, shortfall: 600, coverage: 0.71, runsOutOn: '2026-04-11', runsOutWeek: '2026-W15' });
    expect(bas!.weeks.slice(-3)).toEqual([
      { week: '2026-W14', weekStart: '2026-03-30', demand: 750, arrivals: 0, closingStock: 250 },
      { week: '2026-W15', weekStart: '2026-04-06', demand: 1050, arrivals: 500, closingStock: -300 },
      { week: '2026-W16', weekStart: '2026-04-13', demand: 300, arrivals: 0, closingStock: -600 },
    ]);
  });

  it('forecasts a live campaign from today only, and nothing once it is over', () => {
    const [det] = forecastCampaign(links, window, '2026-04-10');
    expect(det).toMatchObject({ demand: 750, campaignDemand: 2100, shortfall: 0 });
    const [after] = forecastCampaign(links, window, '2026-05-01');
    expect(after).toMatchObject({ demand: 0, shortfall: 0, coverage: null, weeks: [] });
  });
});
