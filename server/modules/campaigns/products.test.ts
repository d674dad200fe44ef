import { expect, it } from 'vitest';
import { describeOnEngines } from '../../testing/harness.ts';
import { addProducts, auditOf, BASIN, campaignTeam, DETERGENT, TEAM_SIGN_INS } from './fixtures.ts';

const CSV = 'text/csv';

describeOnEngines('products and stock', (h) => {
  it('lets Operations keep products, lists them by SKU with a search, and refuses a taken SKU', async () => {
    const t = await campaignTeam(h);
    const [detergentId] = await addProducts(t, DETERGENT, BASIN, { ...DETERGENT, sku: 'DET-1L', name: 'Detergent 1 l' });
    const page = (await t.as(t.team.ada, 'GET', 'products?limit=2')).json();
    expect(page.items.map((p: { sku: string }) => p.sku)).toEqual(['BASIN', 'DET-1L']);
    const next = (await t.as(t.team.ada, 'GET', `products?limit=2&cursor=${page.nextCursor}`)).json();
    expect(next).toMatchObject({ items: [{ sku: 'DET-5L' }], nextCursor: null });
    expect((await t.as(t.team.ada, 'GET', 'products?q=det&kind=product')).json().items.map((p: { sku: string }) => p.sku)).toEqual(['DET-1L', 'DET-5L']);
    expect((await t.as(t.team.ada, 'GET', 'products?q=washing')).json().items.map((p: { sku: string }) => p.sku)).toEqual(['BASIN']);

    const updated = await t.as(t.team.ops, 'PUT', `products/${detergentId}`, { ...DETERGENT, onHand: 8_000, incoming: [{ on: '2026-04-10', quantity: 2_000 }] });
    expect(updated.json()).toMatchObject({ sku: 'DET-5L', onHand: 8_000, incoming: [{ on: '2026-04-10', quantity: 2_000 }], updatedBy: t.team.ops.id });
    const taken = await t.as(t.team.ops, 'PUT', `products/${detergentId}`, { ...DETERGENT, sku: 'BASIN' });
    expect(taken.statusCode).toBe(409);
    expect((await t.as(t.team.marketer, 'POST', 'products', { ...DETERGENT, sku: 'X-1' })).statusCode).toBe(403);
    const bad = await t.as(t.team.ops, 'POST', 'products', { ...DETERGENT, sku: 'has space', onHand: -1, weeklyBaseline: 'lots' });
    expect(bad.json().error.details).toEqual([
      { field: 'sku', message: 'must be letters, digits and . _ / - (no spaces), such as DET-5L' },
      { field: 'onHand', message: 'must not be negative' },
      { field: 'weeklyBaseline', message: 'must be a number' },
    ]);
  });

  it('imports the stock CSV: adds new SKUs, replaces known ones, and with any bad row changes nothing', async () => {
    const t = await campaignTeam(h);
    await addProducts(t, DETERGENT);
    const file = ['SKU;Name;Kind;On hand;Weekly baseline;Incoming', 'DET-5L;Detergent 5 l;product;12000;700;2026-04-10:2000', 'BASIN;Washing basin;promo item;1000;0;2026-04-06:500 2026-05-04:800', ''].join('\r\n');
    const dry = await t.as(t.team.ops, 'POST', 'products/import?dryRun=true', file, { 'content-type': CSV });
    expect(dry.json()).toEqual({ rowCount: 2, created: 1, updated: 1, isDryRun: true });
    const imported = await t.as(t.team.ops, 'POST', 'products/import', file, { 'content-type': CSV });
    expect(imported.json()).toEqual({ rowCount: 2, created: 1, updated: 1, isDryRun: false });
    const basin = (await t.as(t.team.ops, 'GET', 'products?q=basin')).json().items[0];
    expect(basin).toMatchObject({ kind: 'promo_item', onHand: 1000, incoming: [{ on: '2026-04-06', quantity: 500 }, { on: '2026-05-04', quantity: 800 }] });
    expect(await auditOf(h, t.workspace.id, 'products.import')).toHaveLength(1);

    const broken = ['sku,name,on_hand,weekly_baseline,incoming', 'NEW-1,New one,5,1,', 'DET-5L,Detergent,lots,700,', 'NEW-1,Again,1,1,', 'NEW-2,Two,1,1,next week'].join('\n');
    const refused = await t.as(t.team.ops, 'POST', 'products/import', broken, { 'content-type': CSV });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details).toEqual([
      { line: 3, field: 'on_hand', message: 'must be a number', value: 'lots' },
      { line: 4, field: 'sku', message: 'duplicate of line 2', value: 'NEW-1' },
      { line: 5, field: 'incoming', message: 'must list deliveries as day:quantity, such as 2026-04-01:500 2026-04-15:300', value: 'next week' },
    ]);
    const all = (await t.as(t.team.ops, 'GET', 'products')).json().items;
    expect(all.map((p: { sku: string; onHand: number }) => [p.sku, p.onHand])).toEqual([['BASIN', 1000], ['DET-5L', 12000]]);
    const missing = await t.as(t.team.ops, 'POST', 'products/import', 'sku,name\nA,B\n', { 'content-type': CSV });
    expect(missing.json().error.details[0]).toMatchObject({ line: 1, field: 'on_hand, weekly_baseline' });
  });
}, TEAM_SIGN_INS);
