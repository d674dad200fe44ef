/** CSV writing: RFC 4180 quoting, CRLF line ends, and cells that a spreadsheet will not run as formulas. */

export type CsvCell = string | number | boolean | null | undefined;

/** Characters that make Excel, LibreOffice or Google Sheets read a cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * The text of one cell, safe to open in a spreadsheet: text starting with = + - @, a tab or a CR gets
 * a leading single quote. Numbers stay numbers (-5 is written as -5); a non-finite number, null and
 * undefined are written empty.
 */
export function csvSafeCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Quotes a field when it holds a quote, a comma or a line break, doubling inner quotes. */
function quoteField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV line (with its CRLF) of safe, quoted cells: for writing a large export piece by piece. */
export function csvLine(cells: readonly CsvCell[]): string {
  return cells.map((cell) => quoteField(csvSafeCell(cell))).join(',') + '\r\n';
}

/** A CSV document: the header, then one line per row, each ended by CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  let out = csvLine(header);
  for (const row of rows) out += csvLine(row);
  return out;
}
