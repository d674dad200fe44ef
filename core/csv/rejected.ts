import { csvLine } from './export.ts';
import type { CsvRow } from './parse.ts';
import type { RowError } from './presets.ts';

/**
 * The rows an import turned away, as a CSV to fix and import again: the original header and
 * cells, plus an "errors" column saying what is wrong with each row.
 */
export function rejectedRowsCsv(header: string[], rows: CsvRow[], errors: RowError[]): string {
  const byLine = new Map<number, string[]>();
  for (const error of errors) {
    byLine.set(error.line, [...(byLine.get(error.line) ?? []), `${error.field}: ${error.message}`]);
  }
  let out = csvLine([...header, 'errors']);
  for (const row of rows) {
    const problems = byLine.get(row.line);
    if (problems) out += csvLine([...row.fields, problems.join('; ')]);
  }
  return out;
}
