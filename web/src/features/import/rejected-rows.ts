import { decodeCsvBytes, parseCsv } from '../../../../core/csv/parse.ts';
import type { RowError } from '../../../../core/csv/presets.ts';
import { rejectedRowsCsv } from '../../../../core/csv/rejected.ts';
import type { ImportReport } from '../../types.ts';

/** Rows of a file that the import turned away, as data lines (line 1 is the header). */
export function rejectedDataLines(report: ImportReport): number[] {
  return report.rejectedLines.filter((line) => line > 1);
}

/**
 * Builds the rejected rows of the picked file as a CSV in the browser, with an "errors" column, and
 * saves it. The report lists at most 1,000 errors; a rejected row without a listed error still goes in.
 */
export async function downloadRejectedRows(file: File, report: ImportReport): Promise<void> {
  const { header, rows } = parseCsv(decodeCsvBytes(new Uint8Array(await file.arrayBuffer())).text);
  const listed = new Set(report.errors.map((error) => error.line));
  const unlisted: RowError[] = report.rejectedLines
    .filter((line) => !listed.has(line))
    .map((line) => ({ line, field: 'row', message: 'rejected; see the import report (more errors than listed, or it points to a rejected row)' }));
  const csv = rejectedRowsCsv(header, rows, [...report.errors, ...unlisted]);
  // A byte-order mark makes spreadsheet programs read the file as UTF-8; the importer ignores it.
  const url = URL.createObjectURL(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `${file.name.replace(/\.csv$/i, '')}-rejected.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
