import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';

type Insertable<T extends PgTable> = T['$inferInsert'];
type Seconds<V> = V extends Date ? number : V;

/** The columns a batch fills: every insertable column but the workspace, which is one constant per statement. */
export type BatchKey<T extends PgTable> = Exclude<keyof Insertable<T>, 'workspaceId'> & string;

/** A row as the generator hands it over: times are whole epoch seconds rather than Date objects (cheaper by the million). */
export type BatchRow<T extends PgTable, K extends BatchKey<T>> = { [P in K]-?: Seconds<Exclude<Insertable<T>[P], undefined>> };

const QUOTED_TYPES = new Set(['text', 'jsonb', 'date']);

function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return `"${text.replace(/[\\"]/g, '\\$&')}"`;
}

/** A PostgreSQL array literal ('{a,b,NULL}'), the text form one parameter can carry for a whole column. */
function arrayLiteral(values: readonly unknown[], quoted: boolean): string {
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i];
    parts[i] = value === null || value === undefined ? 'NULL' : quoted ? quote(value) : String(value);
  }
  return `{${parts.join(',')}}`;
}

/**
 * Rows of one table gathered column by column and written with one
 * `insert … select … from unnest($1::uuid[], $2::text[], …)`: a fixed handful of parameters
 * whatever the row count, which PostgreSQL parses far faster than a multi-row VALUES list.
 */
export class ColumnBatch<T extends PgTable, K extends BatchKey<T>> {
  private readonly columns: Record<string, unknown[]>;
  private count = 0;

  constructor(
    readonly table: T,
    readonly keys: readonly K[],
  ) {
    this.columns = Object.fromEntries(keys.map((key) => [key, []]));
  }

  get length(): number {
    return this.count;
  }

  push(row: BatchRow<T, K>): void {
    for (const key of this.keys) this.columns[key]!.push(row[key]);
    this.count += 1;
  }

  /** The insert statement for every row pushed so far, in the given workspace. */
  toStatement(workspaceId: string): SQL {
    const tableColumns = getTableColumns(this.table) as Record<string, PgColumn>;
    const names: SQL[] = [];
    const selects: SQL[] = [];
    const arrays: SQL[] = [];
    this.keys.forEach((key, i) => {
      const column = tableColumns[key]!;
      const type = column.getSQLType();
      const isTime = type.startsWith('timestamp');
      const alias = sql.identifier(`c${i}`);
      names.push(sql`${sql.identifier(column.name)}`);
      selects.push(isTime ? sql`to_timestamp(${alias})` : sql`${alias}`);
      const literal = arrayLiteral(this.columns[key]!, QUOTED_TYPES.has(type));
      arrays.push(sql`${literal}::text::${sql.raw(isTime ? 'float8' : type)}[]`);
    });
    const aliases = this.keys.map((_, i) => sql.identifier(`c${i}`));
    return sql`insert into ${this.table} (workspace_id, ${sql.join(names, sql`, `)})
      select ${workspaceId}::uuid, ${sql.join(selects, sql`, `)}
      from unnest(${sql.join(arrays, sql`, `)}) as t(${sql.join(aliases, sql`, `)})`;
  }
}
