import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';

type Insertable<T extends PgTable> = T['$inferInsert'];
type Seconds<V> = V extends Date ? number : V;

/** The columns a batch fills: every insertable column but the workspace, which is one constant per statement. */
type BatchKey<T extends PgTable> = Exclude<keyof Insertable<T>, 'workspaceId'> & string;

/** A row as the generator hands it over: times are whole epoch seconds rather than Date objects (cheaper by the million). */
type BatchRow<T extends PgTable, K extends BatchKey<T>> = { [P in K]-?: Seconds<Exclude<Insertable<T>[P], undefined>> };

const QUOTED_TYPES = new Set(['text', 'jsonb', 'date']);
const COMMA = 44;
const QUOTE = 34;
const ZERO = 48;
const NEEDS_ESCAPE = /["\\]/;

/**
 * One column as the text of a PostgreSQL array literal ('{a,b,NULL}'), written straight into a
 * growing byte buffer: a million rows leave no million small strings for the garbage collector.
 */
class ArrayLiteralWriter {
  private buffer = Buffer.allocUnsafe(16_384);
  private length = 0;

  constructor(private readonly quoted: boolean) {}

  private reserve(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + bytes));
    this.buffer.copy(bigger, 0, 0, this.length);
    this.buffer = bigger;
  }

  /** Writes the string's UTF-8 bytes. */
  private text(value: string): void {
    this.reserve(value.length * 3);
    this.length += this.buffer.write(value, this.length, 'utf8');
  }

  /** Writes the decimal digits of a non-negative safe integer without making a string. */
  private digits(value: number): void {
    let width = 1;
    for (let rest = value; rest >= 10; rest = Math.floor(rest / 10)) width += 1;
    this.reserve(width);
    const buffer = this.buffer;
    let rest = value;
    for (let at = this.length + width - 1; at >= this.length; at -= 1) {
      buffer[at] = ZERO + (rest % 10);
      rest = Math.floor(rest / 10);
    }
    this.length += width;
  }

  put(value: unknown): void {
    if (this.length > 0) {
      this.reserve(1);
      this.buffer[this.length++] = COMMA;
    }
    if (value === null || value === undefined) this.text('NULL');
    else if (typeof value === 'number') this.number(value);
    else if (this.quoted) this.quotedText(typeof value === 'string' ? value : JSON.stringify(value));
    else this.text(value as string);
  }

  private number(value: number): void {
    if (Number.isSafeInteger(value) && value >= 0) this.digits(value);
    else this.text(String(value));
  }

  private quotedText(value: string): void {
    this.reserve(1);
    this.buffer[this.length++] = QUOTE;
    this.text(NEEDS_ESCAPE.test(value) ? value.replace(/["\\]/g, '\\$&') : value);
    this.reserve(1);
    this.buffer[this.length++] = QUOTE;
  }

  toString(): string {
    return `{${this.buffer.toString('utf8', 0, this.length)}}`;
  }
}

/**
 * Rows of one table gathered column by column and written with one
 * `insert … select … from unnest($1::uuid[], $2::text[], …)`: a fixed handful of parameters
 * whatever the row count, which PostgreSQL parses far faster than a multi-row VALUES list.
 */
export class ColumnBatch<T extends PgTable, K extends BatchKey<T>> {
  private readonly columns: { column: PgColumn; isTime: boolean }[];
  private readonly keys: readonly K[];
  private readonly writers: ArrayLiteralWriter[];
  private count = 0;

  constructor(
    readonly table: T,
    keys: readonly K[],
  ) {
    const tableColumns = getTableColumns(table) as Record<string, PgColumn>;
    this.keys = keys;
    this.columns = keys.map((key) => ({ column: tableColumns[key]!, isTime: tableColumns[key]!.getSQLType().startsWith('timestamp') }));
    this.writers = keys.map((key) => new ArrayLiteralWriter(QUOTED_TYPES.has(tableColumns[key]!.getSQLType())));
  }

  get length(): number {
    return this.count;
  }

  push(row: BatchRow<T, K>): void {
    for (let i = 0; i < this.keys.length; i += 1) this.writers[i]!.put(row[this.keys[i]!]);
    this.count += 1;
  }

  /**
   * The insert statement for every row pushed so far, in the given workspace. The arrays come
   * through a fenced subquery (`offset 0`) so that the planner does not parse them a second time
   * just to estimate how many rows unnest yields.
   */
  toStatement(workspaceId: string): SQL {
    const names: SQL[] = [];
    const arrays: SQL[] = [];
    const selects: SQL[] = [];
    this.columns.forEach(({ column, isTime }, i) => {
      const writer = this.writers[i]!;
      const array = sql.identifier(`a${i}`);
      names.push(sql`${sql.identifier(column.name)}`);
      arrays.push(sql`${writer.toString()}::text::${sql.raw(isTime ? 'float8' : column.getSQLType())}[] as ${array}`);
      selects.push(isTime ? sql`to_timestamp(unnest(${array}))` : sql`unnest(${array})`);
    });
    return sql`insert into ${this.table} (workspace_id, ${sql.join(names, sql`, `)})
      select ${workspaceId}::uuid, ${sql.join(selects, sql`, `)}
      from (select ${sql.join(arrays, sql`, `)} offset 0) as given`;
  }
}
