/**
 * RFC 4180 CSV reading, pure and isomorphic: byte decoding, delimiter detection, and a parser that
 * takes the text whole or in chunks as they arrive (a file stream, an upload) with the same result.
 *
 * Beyond the RFC, on purpose: CR, LF and CRLF line ends; a UTF-8 BOM is dropped; blank lines are
 * skipped; a stray quote inside an unquoted field, or text after a closing quote, is kept as text.
 */

export type CsvDelimiter = ',' | ';' | '\t';
export const CSV_DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t'];

/** One record: its fields, and the file line its first character is on (the header is line 1). */
export type CsvRow = { line: number; fields: string[] };
export type ParsedCsv = { header: string[]; rows: CsvRow[]; delimiter: CsvDelimiter };
export type CsvParserOptions = { delimiter?: CsvDelimiter };

export type CsvParser = {
  /** Feeds the next piece of text; returns the data rows it completed (never the header). */
  push(text: string): CsvRow[];
  /** Ends the input and returns the last row, if any; throws CsvParseError on an unterminated quote. */
  end(): CsvRow[];
  /** The header record once it has been read, else null. */
  readonly header: string[] | null;
  /** The delimiter in use once it is known (given, or detected from the header line), else null. */
  readonly delimiter: CsvDelimiter | null;
};

export class CsvParseError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'CsvParseError';
  }
}

export type DecodedCsv = { text: string; encoding: 'utf-8' | 'utf-16le' | 'windows-1252' };

/** Bytes to text: a UTF-8 or UTF-16LE BOM decides; else strict UTF-8; else windows-1252 (Excel's "CSV" on Western systems). */
export function decodeCsvBytes(bytes: Uint8Array): DecodedCsv {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

/** Windows-1252 bytes 0x80-0x9F (the rest is Latin-1); 0xFFFD where the code page has no character. */
const WINDOWS_1252_HIGH =
  '\u20AC\uFFFD\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\uFFFD\u017D\uFFFD' +
  '\uFFFD\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\uFFFD\u017E\u0178';

/** Decodes windows-1252 by hand: Node's TextDecoder reads 0x80-0x9F as Latin-1 control characters, not € or “. */
function decodeWindows1252(bytes: Uint8Array): string {
  const codes = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    codes[i] = byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH.charCodeAt(byte - 0x80) : byte;
  }
  let text = '';
  for (let i = 0; i < codes.length; i += 8192) text += String.fromCharCode(...codes.subarray(i, i + 8192));
  return text;
}

/** Parses a whole CSV text: header, data rows with their line numbers, and the delimiter used. */
export function parseCsv(text: string, options: CsvParserOptions = {}): ParsedCsv {
  const parser = createCsvParser(options);
  const rows = parser.push(text);
  for (const row of parser.end()) rows.push(row);
  return { header: parser.header ?? [], rows, delimiter: parser.delimiter ?? ',' };
}

const QUOTE = 34;
const LF = 10;
const CR = 13;
const BOM = '\uFEFF';

/** The delimiter seen most often outside quotes on the first line; ',' on a tie or when none is seen. */
export function detectDelimiter(firstLine: string): CsvDelimiter {
  const counts = new Map<CsvDelimiter, number>(CSV_DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const char of firstLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char as CsvDelimiter)) counts.set(char as CsvDelimiter, counts.get(char as CsvDelimiter)! + 1);
  }
  let best: CsvDelimiter = ',';
  for (const [delimiter, count] of counts) if (count > counts.get(best)!) best = delimiter;
  return best;
}

/** The first non-blank line of `text` if it is complete (ends outside quotes), else null. */
function completeFirstLine(text: string): string | null {
  let start = 0;
  while (text.charCodeAt(start) === CR || text.charCodeAt(start) === LF) start++;
  let quoted = false;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) quoted = !quoted;
    else if (!quoted && (c === CR || c === LF)) return text.slice(start, i);
  }
  return null;
}

/** Where the parser is: between fields, inside an unquoted or quoted field, or just after a quote inside quotes. */
const State = { FieldStart: 0, Unquoted: 1, Quoted: 2, QuoteInQuoted: 3 } as const;
type State = (typeof State)[keyof typeof State];

/** A CSV parser fed in chunks; split points may fall anywhere, even inside a quote or a CRLF. */
export function createCsvParser(options: CsvParserOptions = {}): CsvParser {
  let delimiter: CsvDelimiter | null = options.delimiter ?? null;
  let delimiterCode = delimiter?.charCodeAt(0) ?? -1;
  let held = ''; // text kept back until the header line shows the delimiter
  let bomChecked = false;
  let header: string[] | null = null;

  let state: State = State.FieldStart;
  let fields: string[] = [];
  let field = ''; // the current field's text from earlier chunks
  let line = 1;
  let recordLine = 1;
  let quoteLine = 1;
  let afterCR = false; // the last character consumed was a CR, so an LF right after it belongs to it

  function emitRecord(out: CsvRow[]): void {
    if (header === null) header = fields;
    else out.push({ line: recordLine, fields });
    fields = [];
    state = State.FieldStart;
  }

  function endField(value: string): void {
    fields.push(value);
    field = '';
    state = State.FieldStart;
  }

  /** Counts the line end at `i`; returns the index of its last character (a CRLF is one line end). */
  function lineEnd(chunk: string, i: number): number {
    line++;
    if (chunk.charCodeAt(i) !== CR) return i;
    if (i + 1 === chunk.length) afterCR = true;
    return chunk.charCodeAt(i + 1) === LF ? i + 1 : i;
  }

  function consume(chunk: string, out: CsvRow[]): void {
    const n = chunk.length;
    if (n === 0) return;
    let i = 0;
    if (afterCR) {
      afterCR = false;
      if (chunk.charCodeAt(0) === LF) i = 1; // inside quotes it stays in the field text: slices start at 0
    }
    let start = 0;
    for (; i < n; i++) {
      let c = chunk.charCodeAt(i);
      switch (state) {
        case State.FieldStart:
          if (c === QUOTE) {
            if (fields.length === 0) recordLine = line;
            quoteLine = line;
            state = State.Quoted;
            start = i + 1;
          } else if (c === delimiterCode) {
            if (fields.length === 0) recordLine = line;
            fields.push('');
          } else if (c === CR || c === LF) {
            if (fields.length > 0) {
              fields.push('');
              emitRecord(out);
            }
            i = lineEnd(chunk, i);
          } else {
            if (fields.length === 0) recordLine = line;
            state = State.Unquoted;
            start = i;
          }
          break;
        case State.Unquoted:
          while (c !== delimiterCode && c !== CR && c !== LF && i + 1 < n) c = chunk.charCodeAt(++i);
          if (c === delimiterCode) {
            endField(field + chunk.slice(start, i));
          } else if (c === CR || c === LF) {
            endField(field + chunk.slice(start, i));
            emitRecord(out);
            i = lineEnd(chunk, i);
          }
          break;
        case State.Quoted:
          while (c !== QUOTE && c !== CR && c !== LF && i + 1 < n) c = chunk.charCodeAt(++i);
          if (c === QUOTE) {
            field += chunk.slice(start, i);
            state = State.QuoteInQuoted;
          } else if (c === CR || c === LF) {
            i = lineEnd(chunk, i);
          }
          break;
        case State.QuoteInQuoted:
          if (c === QUOTE) {
            field += '"';
            state = State.Quoted;
            start = i + 1;
          } else if (c === delimiterCode) {
            endField(field);
          } else if (c === CR || c === LF) {
            endField(field);
            emitRecord(out);
            i = lineEnd(chunk, i);
          } else {
            state = State.Unquoted;
            start = i;
          }
          break;
      }
    }
    if (state === State.Unquoted || state === State.Quoted) field += chunk.slice(start, n);
  }

  /** Strips a leading BOM and holds text back until the delimiter is known; returns what can be parsed now. */
  function admit(text: string, final: boolean): string {
    if (!bomChecked && text.length > 0) {
      bomChecked = true;
      if (text.startsWith(BOM)) text = text.slice(1);
    }
    if (delimiter !== null) return text;
    held += text;
    const firstLine = completeFirstLine(held);
    if (firstLine === null && !final) return '';
    delimiter = detectDelimiter(firstLine ?? held);
    delimiterCode = delimiter.charCodeAt(0);
    const ready = held;
    held = '';
    return ready;
  }

  function finish(out: CsvRow[]): void {
    switch (state) {
      case State.Quoted:
        throw new CsvParseError(`unterminated quoted field starting on line ${quoteLine}`, quoteLine);
      case State.QuoteInQuoted:
      case State.Unquoted:
        endField(field);
        emitRecord(out);
        break;
      case State.FieldStart:
        if (fields.length > 0) {
          fields.push('');
          emitRecord(out);
        }
        break;
    }
  }

  return {
    push(text) {
      const out: CsvRow[] = [];
      consume(admit(text, false), out);
      return out;
    },
    end() {
      const out: CsvRow[] = [];
      consume(admit('', true), out);
      finish(out);
      return out;
    },
    get header() {
      return header;
    },
    get delimiter() {
      return delimiter;
    },
  };
}
