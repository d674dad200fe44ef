import { CsvParseError, parseCsv } from '../csv/parse.ts';
import { cellsByColumn, codeTable, extraCellsError, missingColumnsError, RowReader, type RowError } from '../csv/presets.ts';
import { ZProductInput, type ProductInput, type ProductKind } from '../schemas/campaigns.ts';

/**
 * The products CSV that Operations keeps: one SKU per row with its stock on hand, weekly baseline
 * demand and incoming deliveries. Columns (header names in any case, spaces or dashes for
 * underscores): sku, name, on_hand, weekly_baseline, and optionally kind (product or promo item)
 * and incoming ('2026-04-01:500 2026-04-15:300': day and quantity per delivery). A SKU repeated
 * further down the file is an error on the later row.
 */

const REQUIRED_COLUMNS = ['sku', 'name', 'on_hand', 'weekly_baseline'];

export type ProductRow = { line: number; input: ProductInput };
export type ProductCsv = { rows: ProductRow[]; errors: RowError[]; rowCount: number };

const KINDS = codeTable<ProductKind>({ product: 'product', promo_item: 'promo_item', promo: 'promo_item', gift: 'promo_item', free_gift: 'promo_item' });
const DELIVERY = /^(\d{4}-\d{2}-\d{2}):(\d+)$/;
const DELIVERY_EXAMPLE = 'must list deliveries as day:quantity, such as 2026-04-01:500 2026-04-15:300';
const COLUMN_OF: Partial<Record<keyof ProductInput, string>> = { sku: 'sku', name: 'name', kind: 'kind', onHand: 'on_hand', weeklyBaseline: 'weekly_baseline', incoming: 'incoming' };
/** Stock files hold days, never instants: nothing here is checked against a clock. */
const NO_CLOCK = new Date(8.64e15);

function columnName(header: string): string {
  return header.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

/** A number as written in a spreadsheet: 12, 12.5 or 12,5; NaN when it is not one. */
function numberOf(text: string | null): number {
  if (text === null) return Number.NaN;
  return /^-?\d+([.,]\d+)?$/.test(text) ? Number(text.replace(',', '.')) : Number.NaN;
}

function deliveriesOf(text: string | null): { on: string; quantity: number }[] | null {
  if (text === null) return [];
  const matches = text.split(/[\s|;]+/).filter(Boolean).map((token) => DELIVERY.exec(token));
  if (matches.some((match) => match === null)) return null;
  return matches.map((match) => ({ on: match![1]!, quantity: Number(match![2]) }));
}

function readRow(cells: Record<string, string>, line: number): { input: ProductInput | null; errors: RowError[] } {
  const reader = new RowReader(cells, line, NO_CLOCK);
  const incoming = deliveriesOf(reader.text('incoming'));
  const errors: RowError[] = incoming === null ? [{ line, field: 'incoming', message: DELIVERY_EXAMPLE, value: cells.incoming ?? '' }] : [];
  const input = reader.validate(
    ZProductInput,
    {
      sku: reader.text('sku') ?? '',
      name: reader.text('name') ?? '',
      kind: reader.code('kind', KINDS) ?? 'product',
      onHand: numberOf(reader.text('on_hand')),
      weeklyBaseline: numberOf(reader.text('weekly_baseline')),
      incoming: incoming ?? [],
    },
    COLUMN_OF,
  );
  const read = reader.result([]);
  if ('errors' in read) errors.push(...read.errors);
  return { input: errors.length === 0 ? input : null, errors };
}

/** Reads the products CSV: the valid rows as product inputs, and every problem with its line and column. */
export function readProductsCsv(text: string): ProductCsv {
  let parsed;
  try {
    parsed = parseCsv(text);
  } catch (error) {
    if (!(error instanceof CsvParseError)) throw error;
    return { rows: [], errors: [{ line: error.line, field: 'file', message: error.message }], rowCount: 0 };
  }
  const columns = parsed.header.map(columnName);
  const result: ProductCsv = { rows: [], errors: [], rowCount: parsed.rows.length };
  const missing = REQUIRED_COLUMNS.filter((column) => !columns.includes(column));
  if (missing.length > 0) return { ...result, errors: [missingColumnsError(missing, columns)] };
  const firstLineOf = new Map<string, number>();
  for (const row of parsed.rows) {
    const extra = extraCellsError(row, columns.length);
    const cells = cellsByColumn(columns, row.fields);
    const read = extra ? { input: null, errors: [extra] } : readRow(cells, row.line);
    const first = read.input ? firstLineOf.get(read.input.sku) : undefined;
    if (first !== undefined) read.errors.push({ line: row.line, field: 'sku', message: `duplicate of line ${first}`, value: read.input!.sku });
    if (read.errors.length > 0 || !read.input) {
      result.errors.push(...read.errors);
      continue;
    }
    firstLineOf.set(read.input.sku, row.line);
    result.rows.push({ line: row.line, input: read.input });
  }
  return result;
}
