import { CsvParseError, parseCsv, type CsvDelimiter, type CsvRow } from '../csv/parse.ts';
import type { AttributionPath } from './paths.ts';

/**
 * The aggregated path file (the format of the R/Python ChannelAttribution package's data): a header
 * `path;total_conversions;total_conversion_value;total_null`, one row per distinct path, channels
 * joined by `>` with the spaces around it ignored. The value and null columns may be left out (0).
 * An empty path is a conversion with no touch: kept and reported, never credited.
 */

export const PATH_FILE_COLUMNS = { path: 'path', conversions: 'total_conversions', value: 'total_conversion_value', nulls: 'total_null' } as const;
type Column = keyof typeof PATH_FILE_COLUMNS;

const CHANNEL_JOINER = '>';
const REPORTED_PROBLEMS = 10;
const COUNT = /^\+?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A path file the models cannot read: every problem names its line and field. */
export class PathFileError extends Error {
  constructor(readonly problems: string[]) {
    const shown = problems.slice(0, REPORTED_PROBLEMS);
    const more = problems.length > shown.length ? [`… and ${problems.length - shown.length} more`] : [];
    super([...shown, ...more].join('\n'));
    this.name = 'PathFileError';
  }
}

type Columns = Record<Column, number>;

/** Where each column is; throws when a required one is missing (often: the wrong separator). */
function findColumns(header: string[], delimiter: CsvDelimiter): Columns {
  const names = header.map((name) => name.trim().toLowerCase());
  const columns = Object.fromEntries(Object.entries(PATH_FILE_COLUMNS).map(([key, name]) => [key, names.indexOf(name)])) as Columns;
  const missing = (['path', 'conversions'] as const).filter((key) => columns[key] < 0).map((key) => `"${PATH_FILE_COLUMNS[key]}"`);
  if (missing.length > 0) {
    const shown = delimiter === '\t' ? 'a tab' : `"${delimiter}"`;
    throw new PathFileError([`line 1: no ${missing.join(' or ')} column in the header "${header.join(delimiter)}" read with separator ${shown}; expected ${Object.values(PATH_FILE_COLUMNS).join(delimiter)}`]);
  }
  return columns;
}

/** A row as a path, or the problems found in it. */
function readRow(row: CsvRow, columns: Columns, width: number): AttributionPath | string[] {
  const at = `line ${row.line}:`;
  if (row.fields.length !== width) return [`${at} expected ${width} fields, found ${row.fields.length}`];
  const problems: string[] = [];
  const count = (key: Exclude<Column, 'path'>): number => {
    if (columns[key] < 0) return 0;
    const raw = row.fields[columns[key]]!.trim();
    if (COUNT.test(raw)) return Number(raw);
    problems.push(`${at} ${PATH_FILE_COLUMNS[key]} must be a non-negative number, found "${raw}"`);
    return 0;
  };
  const text = row.fields[columns.path]!.trim();
  const channels = text === '' ? [] : text.split(CHANNEL_JOINER).map((channel) => channel.trim());
  const blank = channels.indexOf('');
  if (blank >= 0) problems.push(`${at} path has an empty channel at position ${blank + 1} in "${text}"`);
  const path = { channels, conversions: count('conversions'), value: count('value'), nulls: count('nulls') };
  return problems.length > 0 ? problems : path;
}

/** Reads a path file; throws a PathFileError listing every bad line (the first ten shown). */
export function parsePathFile(text: string, options: { separator?: CsvDelimiter } = {}): AttributionPath[] {
  let parsed;
  try {
    parsed = parseCsv(text, { delimiter: options.separator });
  } catch (error) {
    if (error instanceof CsvParseError) throw new PathFileError([error.message]);
    throw error;
  }
  if (parsed.header.length === 0) throw new PathFileError([`the file is empty; its first line must be the header ${Object.values(PATH_FILE_COLUMNS).join(';')}`]);
  const columns = findColumns(parsed.header, parsed.delimiter);
  const paths: AttributionPath[] = [];
  const problems: string[] = [];
  for (const row of parsed.rows) {
    const read = readRow(row, columns, parsed.header.length);
    if (Array.isArray(read)) problems.push(...read);
    else paths.push(read);
  }
  if (problems.length > 0) throw new PathFileError(problems);
  return paths;
}
