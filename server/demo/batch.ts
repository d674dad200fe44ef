import { getTableColumns, getTableName } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { BinaryCopy } from '../db/bulk.ts';

type Insertable<T extends PgTable> = T['$inferInsert'];
type Seconds<V> = V extends Date ? number : V;

/** The columns a batch fills: every insertable column but the workspace, which is the same on every row. */
type BatchKey<T extends PgTable> = Exclude<keyof Insertable<T>, 'workspaceId'> & string;

/** A row as the generator hands it over: times are whole epoch seconds rather than Date objects (cheaper by the million). */
type BatchRow<T extends PgTable, K extends BatchKey<T>> = { [P in K]-?: Seconds<Exclude<Insertable<T>[P], undefined>> };

/** The start of PostgreSQL's binary timestamps (2000-01-01) in epoch seconds. */
const PG_EPOCH_SECONDS = 946_684_800;
const TWO_TO_32 = 2 ** 32;
const NUMERIC_NEGATIVE = 0x4000;
const JSONB_VERSION = 1;
/** The binary COPY header: signature, no flags, no extension. */
const HEADER = Buffer.concat([Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), Buffer.alloc(8)]);
const DASH = 45;
/** A hex digit's value by character code (-1: not a hex digit). */
const NIBBLE = new Int8Array(128).fill(-1);
for (const [i, digit] of [...'0123456789abcdef'].entries()) {
  NIBBLE[digit.charCodeAt(0)] = i;
  NIBBLE[digit.toUpperCase().charCodeAt(0)] = i;
}

function notUuid(value: string): Error {
  return new Error(`Not a UUID: "${value}"`);
}

/**
 * Rows in PostgreSQL's binary COPY format, written straight into one growing byte buffer: no
 * statement text, no million small strings, and nothing for the database to parse back.
 */
class BinaryRows {
  private buffer = Buffer.allocUnsafe(262_144);
  private length = 0;

  constructor() {
    this.bytes(HEADER);
  }

  private reserve(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + bytes));
    this.buffer.copy(bigger, 0, 0, this.length);
    this.buffer = bigger;
  }

  /** Big-endian, byte by byte: Buffer's own writers check their arguments on every call. */
  private int16(value: number): void {
    this.reserve(2);
    const buffer = this.buffer;
    buffer[this.length] = value >>> 8;
    buffer[this.length + 1] = value;
    this.length += 2;
  }

  private int32(value: number): void {
    this.reserve(4);
    const buffer = this.buffer;
    buffer[this.length] = value >>> 24;
    buffer[this.length + 1] = value >>> 16;
    buffer[this.length + 2] = value >>> 8;
    buffer[this.length + 3] = value;
    this.length += 4;
  }

  /** A 64-bit integer from a safe integer, as its high and low words. */
  private int64(value: number): void {
    const high = Math.floor(value / TWO_TO_32);
    this.int32(high);
    this.int32(value - high * TWO_TO_32);
  }

  bytes(value: Buffer): void {
    this.reserve(value.length);
    this.length += value.copy(this.buffer, this.length);
  }

  row(fields: number): void {
    this.int16(fields);
  }

  null(): void {
    this.int32(-1);
  }

  uuid(value: string): void {
    this.int32(16);
    this.reserve(value.length);
    let at = this.length;
    for (let i = 0; i < value.length; i += 1) {
      if (value.charCodeAt(i) === DASH) continue;
      const high = NIBBLE[value.charCodeAt(i)]!;
      const low = NIBBLE[value.charCodeAt(++i)]!;
      if (!(high >= 0 && low >= 0)) throw notUuid(value);
      this.buffer[at++] = (high << 4) | low;
    }
    if (at - this.length !== 16) throw notUuid(value);
    this.length = at;
  }

  text(value: string): void {
    const at = this.length;
    this.reserve(4 + value.length * 3);
    this.length += 4;
    const written = this.buffer.write(value, this.length);
    this.length = at;
    this.int32(written);
    this.length += written;
  }

  int4(value: number): void {
    this.int32(4);
    this.int32(value);
  }

  int8(value: number): void {
    this.int32(8);
    this.int64(value);
  }

  /** An instant from epoch seconds: microseconds since 2000-01-01. */
  timestamp(seconds: number): void {
    this.int32(8);
    this.int64(Math.round((seconds - PG_EPOCH_SECONDS) * 1_000_000));
  }

  jsonb(value: unknown): void {
    const json = JSON.stringify(value);
    const at = this.length;
    this.reserve(5 + json.length * 3);
    const written = this.buffer.write(json, at + 5);
    this.int32(written + 1);
    this.buffer[this.length++] = JSONB_VERSION;
    this.length += written;
  }

  /** A numeric with `scale` decimals: base-10000 digits around the decimal point (PostgreSQL rounds to the column's type). */
  numeric(value: number, scale: number): void {
    const [whole, fraction = ''] = Math.abs(value).toFixed(scale).split('.');
    const wholeDigits = whole!.padStart(Math.ceil(whole!.length / 4) * 4, '0');
    const fractionDigits = fraction.padEnd(Math.ceil(fraction.length / 4) * 4, '0');
    const groups: number[] = [];
    for (const digits of [wholeDigits, fractionDigits]) for (let i = 0; i < digits.length; i += 4) groups.push(Number(digits.slice(i, i + 4)));
    this.int32(8 + 2 * groups.length);
    this.int16(groups.length);
    this.int16(wholeDigits.length / 4 - 1);
    this.int16(value < 0 ? NUMERIC_NEGATIVE : 0);
    this.int16(scale);
    for (const group of groups) this.int16(group);
  }

  field(type: FieldType, value: unknown): void {
    if (value === null || value === undefined) return this.null();
    switch (type.kind) {
      case 'uuid':
        return this.uuid(value as string);
      case 'text':
        return this.text(value as string);
      case 'int4':
        return this.int4(value as number);
      case 'int8':
        return this.int8(value as number);
      case 'jsonb':
        return this.jsonb(value);
      case 'timestamp':
        return this.timestamp(value as number);
      case 'numeric':
        return this.numeric(value as number, type.scale);
    }
  }

  /** The rows written so far, ended by the trailer. */
  finish(): Buffer {
    this.int16(-1);
    return this.buffer.subarray(0, this.length);
  }
}

/** How a column's values are written: the types the demo's tables use, and the scale of a numeric. */
type FieldType = { kind: 'uuid' | 'text' | 'int4' | 'int8' | 'jsonb' | 'timestamp' } | { kind: 'numeric'; scale: number };

function fieldTypeOf(column: PgColumn): FieldType {
  const type = column.getSQLType();
  if (type === 'uuid' || type === 'text' || type === 'jsonb') return { kind: type };
  if (type === 'integer') return { kind: 'int4' };
  if (type === 'bigint') return { kind: 'int8' };
  if (type.startsWith('timestamp')) return { kind: 'timestamp' };
  const scale = (column as { scale?: number }).scale;
  if (type.startsWith('numeric') && scale !== undefined) return { kind: 'numeric', scale };
  throw new Error(`A demo batch cannot write ${column.name} (${type})`);
}

/**
 * Rows of one table in one workspace, encoded as they come for a binary COPY. The workspace id
 * is encoded once and written first on every row.
 */
export class CopyBatch<T extends PgTable, K extends BatchKey<T>> {
  private readonly keys: readonly K[];
  private readonly types: FieldType[];
  private readonly columns: string[];
  /** The workspace id as a field: its length (16) and its bytes. */
  private readonly workspaceField: Buffer;
  private readonly rows = new BinaryRows();
  private count = 0;

  constructor(
    readonly table: T,
    workspaceId: string,
    keys: readonly K[],
  ) {
    const tableColumns = getTableColumns(table) as Record<string, PgColumn>;
    this.keys = keys;
    this.types = keys.map((key) => fieldTypeOf(tableColumns[key]!));
    this.columns = ['workspace_id', ...keys.map((key) => tableColumns[key]!.name)];
    this.workspaceField = Buffer.concat([Buffer.from([0, 0, 0, 16]), Buffer.from(workspaceId.replaceAll('-', ''), 'hex')]);
  }

  get length(): number {
    return this.count;
  }

  push(row: BatchRow<T, K>): void {
    const rows = this.rows;
    rows.row(this.columns.length);
    rows.bytes(this.workspaceField);
    for (let i = 0; i < this.keys.length; i += 1) rows.field(this.types[i]!, row[this.keys[i]!]);
    this.count += 1;
  }

  /** Every row pushed so far, for `copyBinary`. */
  toCopy(): BinaryCopy {
    return { table: getTableName(this.table), columns: this.columns, data: this.rows.finish() };
  }
}
