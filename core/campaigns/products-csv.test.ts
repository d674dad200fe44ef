import { describe, expect, it } from 'vitest';
import { readProductsCsv } from './products-csv.ts';

describe('products CSV', () => {
  it('reads SKUs with stock, baseline, kind and deliveries, whatever the header’s case and the delimiter', () => {
    const csv = readProductsCsv('SKU;Name;Kind;On hand;Weekly-baseline;Incoming\nDET-5L;Detergent 5 l;;12000;700,5;2026-04-10:2000\nBASIN;Washing basin;Free gift;1000;0;2026-04-06:500 | 2026-05-04:800\n');
    expect(csv.errors).toEqual([]);
    expect(csv.rows).toEqual([
      { line: 2, input: { sku: 'DET-5L', name: 'Detergent 5 l', kind: 'product', onHand: 12000, weeklyBaseline: 700.5, incoming: [{ on: '2026-04-10', quantity: 2000 }] } },
      { line: 3, input: { sku: 'BASIN', name: 'Washing basin', kind: 'promo_item', onHand: 1000, weeklyBaseline: 0, incoming: [{ on: '2026-04-06', quantity: 500 }, { on: '2026-05-04', quantity: 800 }] } },
    ]);
  });

  it('names the line, column and problem of every bad row', () => {
    const csv = readProductsCsv('sku,name,on_hand,weekly_baseline,kind,incoming\n,Nameless,1,1,,\nA-1,Ok,-4,1,,\nB-1,Bad kind,1,1,gadget,\nC-1,Bad day,1,1,,2026-02-30:5\nA-1,Again,1,1,,\n');
    expect(csv.rows.map((row) => [row.line, row.input.sku])).toEqual([[6, 'A-1']]);
    expect(csv.errors).toEqual([
      { line: 2, field: 'sku', message: 'is required', value: '' },
      { line: 3, field: 'on_hand', message: 'must not be negative', value: '-4' },
      { line: 4, field: 'kind', message: 'is not one of: product, promo_item, promo, gift, free_gift', value: 'gadget' },
      { line: 5, field: 'incoming', message: 'must be a date such as 2026-03-01', value: '2026-02-30:5' },
    ]);
  });

  it('refuses a later row repeating a SKU, a file without the needed columns, and an unclosed quote', () => {
    expect(readProductsCsv('sku,name,on_hand,weekly_baseline\nA,One,1,1\nA,Two,1,1\n').errors).toEqual([{ line: 3, field: 'sku', message: 'duplicate of line 2', value: 'A' }]);
    expect(readProductsCsv('sku,name\nA,One\n').errors).toEqual([{ line: 1, field: 'on_hand, weekly_baseline', message: 'missing columns on_hand, weekly_baseline; the file has: sku, name' }]);
    expect(readProductsCsv('sku,name,on_hand,weekly_baseline\n"A,One,1,1\n').errors[0]).toMatchObject({ field: 'file' });
  });
});
