import { describe, expect, it } from 'vitest';
import { CsvParseError, createCsvParser, decodeCsvBytes, parseCsv, type CsvRow } from './parse.ts';

/** Feeds `chunks` one by one and collects header, rows and delimiter, like parseCsv does with one chunk. */
function parseChunks(chunks: string[]) {
  const parser = createCsvParser();
  const rows: CsvRow[] = [];
  for (const chunk of chunks) rows.push(...parser.push(chunk));
  rows.push(...parser.end());
  return { header: parser.header ?? [], rows, delimiter: parser.delimiter ?? ',' };
}

const TRICKY =
  '\uFEFFname;note;amount\r\n' +
  '"Smith; John";"said ""hi""\r\nthen left";-5\r\n' +
  '\r\n' +
  'plain;;\r' +
  '"";"";""\n' +
  'x;"a""";"multi\nline\rend"\r\n' +
  'last;row;1';

describe('parseCsv', () => {
  it('reads quoted fields with delimiters, doubled quotes and line breaks inside', () => {
    const csv = parseCsv('id,name,note\n1,"Doe, Jane","she said ""yes""\nand left"\n2,Bob,\n');
    expect(csv.header).toEqual(['id', 'name', 'note']);
    expect(csv.rows).toEqual([
      { line: 2, fields: ['1', 'Doe, Jane', 'she said "yes"\nand left'] },
      { line: 4, fields: ['2', 'Bob', ''] },
    ]);
  });

  it('strips a UTF-8 BOM and accepts CRLF, LF and CR line ends, skipping blank lines but counting them', () => {
    const csv = parseCsv('\uFEFFa,b\r\n1,2\n\n3,4\r5,6');
    expect(csv.header).toEqual(['a', 'b']);
    expect(csv.rows).toEqual([
      { line: 2, fields: ['1', '2'] },
      { line: 4, fields: ['3', '4'] },
      { line: 5, fields: ['5', '6'] },
    ]);
  });

  it('numbers a record by the line it starts on, after records spanning lines', () => {
    const csv = parseCsv('a,b\r\n"x\r\ny\r\nz",1\r\nnext,2\r\n');
    expect(csv.rows.map((row) => row.line)).toEqual([2, 5]);
    expect(csv.rows[0]!.fields[0]).toBe('x\r\ny\r\nz');
  });

  it('keeps trailing empty fields, and an empty quoted field as a record', () => {
    expect(parseCsv('a,b\n1,\n""\n,').rows).toEqual([
      { line: 2, fields: ['1', ''] },
      { line: 3, fields: [''] },
      { line: 4, fields: ['', ''] },
    ]);
  });

  it('detects ; and tab from the header line, ignoring delimiters inside quotes', () => {
    expect(parseCsv('a;b;c\n1;2,5;3').rows[0]!.fields).toEqual(['1', '2,5', '3']);
    expect(parseCsv('a;b;c\n1;2,5;3').delimiter).toBe(';');
    expect(parseCsv('a\tb\n1\t2').delimiter).toBe('\t');
    expect(parseCsv('"x;y;z",b\n1,2').delimiter).toBe(',');
    expect(parseCsv('single\nvalue').delimiter).toBe(',');
  });

  it('uses a given delimiter instead of detecting one', () => {
    const csv = parseCsv('a,b;c\n1,2;3', { delimiter: ';' });
    expect(csv.header).toEqual(['a,b', 'c']);
    expect(csv.rows[0]!.fields).toEqual(['1,2', '3']);
  });

  it('keeps stray quotes in unquoted fields and text after a closing quote', () => {
    expect(parseCsv('a,b\n5" screen,"x"y').rows[0]!.fields).toEqual(['5" screen', 'xy']);
  });

  it('reports an unterminated quote with the line it opens on', () => {
    const parse = () => parseCsv('a,b\n1,2\n3,"open\nstill open\n');
    expect(parse).toThrow(CsvParseError);
    expect(parse).toThrow('unterminated quoted field starting on line 3');
    try {
      parse();
    } catch (error) {
      expect((error as CsvParseError).line).toBe(3);
    }
  });

  it('gives an empty header and no rows for an empty file, and no rows for a header alone', () => {
    expect(parseCsv('')).toEqual({ header: [], rows: [], delimiter: ',' });
    expect(parseCsv('a,b\r\n')).toEqual({ header: ['a', 'b'], rows: [], delimiter: ',' });
  });

  // Its speed is measured by the bench (the Olist import), not here: a timed test fails on a busy machine.
  it('parses 200,000 quoted rows to the last line', () => {
    const text = 'id,name,note,amount\r\n' + 'abc123,"Doe, Jane","said ""hi""",1200.50\r\n'.repeat(200_000);
    const csv = parseCsv(text);
    expect(csv.rows).toHaveLength(200_000);
    expect(csv.rows[199_999]).toEqual({ line: 200_001, fields: ['abc123', 'Doe, Jane', 'said "hi"', '1200.50'] });
  });
});

describe('createCsvParser', () => {
  const whole = parseCsv(TRICKY);

  it('reads the tricky sample as intended', () => {
    expect(whole.delimiter).toBe(';');
    expect(whole.header).toEqual(['name', 'note', 'amount']);
    expect(whole.rows).toEqual([
      { line: 2, fields: ['Smith; John', 'said "hi"\r\nthen left', '-5'] },
      { line: 5, fields: ['plain', '', ''] },
      { line: 6, fields: ['', '', ''] },
      { line: 7, fields: ['x', 'a"', 'multi\nline\rend'] },
      { line: 10, fields: ['last', 'row', '1'] },
    ]);
  });

  it('gives the same result at every split point, in two and in three chunks', () => {
    for (let i = 0; i <= TRICKY.length; i++) {
      expect(parseChunks([TRICKY.slice(0, i), TRICKY.slice(i)]), `split at ${i}`).toEqual(whole);
      for (let j = i; j <= TRICKY.length; j++) {
        expect(parseChunks([TRICKY.slice(0, i), TRICKY.slice(i, j), TRICKY.slice(j)])).toEqual(whole);
      }
    }
  });

  it('gives the same result fed one character at a time', () => {
    expect(parseChunks([...TRICKY])).toEqual(whole);
  });

  it('returns rows as soon as they are complete, never the header', () => {
    const parser = createCsvParser({ delimiter: ',' });
    expect(parser.push('a,b\n1,')).toEqual([]);
    expect(parser.header).toEqual(['a', 'b']);
    expect(parser.push('2\n3')).toEqual([{ line: 2, fields: ['1', '2'] }]);
    expect(parser.end()).toEqual([{ line: 3, fields: ['3'] }]);
  });

  it('waits for the whole header line before detecting the delimiter', () => {
    const parser = createCsvParser();
    expect(parser.push('a;"b,c')).toEqual([]);
    expect(parser.delimiter).toBeNull();
    expect(parser.push('\n,d";e\n1;2;3\n')).toEqual([{ line: 3, fields: ['1', '2', '3'] }]);
    expect(parser.delimiter).toBe(';');
    expect(parser.header).toEqual(['a', 'b,c\n,d', 'e']);
  });
});

describe('decodeCsvBytes', () => {
  it('reads plain UTF-8, with or without a BOM', () => {
    const utf8 = new TextEncoder().encode('name\nCafé');
    expect(decodeCsvBytes(utf8)).toEqual({ text: 'name\nCafé', encoding: 'utf-8' });
    expect(decodeCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toEqual({ text: 'name\nCafé', encoding: 'utf-8' });
  });

  it('falls back to windows-1252 for bytes that are not UTF-8 (Excel "CSV" on Western systems)', () => {
    expect(decodeCsvBytes(new Uint8Array([0x43, 0x61, 0x66, 0xe9]))).toEqual({ text: 'Café', encoding: 'windows-1252' });
    expect(decodeCsvBytes(new Uint8Array([0x80, 0x31, 0x30, 0x20, 0x93, 0x6f, 0x6b, 0x94])).text).toBe('€10 “ok”');
  });

  it('reads UTF-16LE with its BOM (Excel "Unicode text")', () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x09, 0x00, 0x62, 0x00, 0x0a, 0x00, 0x43, 0x00, 0x61, 0x00, 0x66, 0x00, 0xe9, 0x00]);
    const decoded = decodeCsvBytes(bytes);
    expect(decoded).toEqual({ text: 'a\tb\nCafé', encoding: 'utf-16le' });
    expect(parseCsv(decoded.text)).toEqual({ header: ['a', 'b'], rows: [{ line: 2, fields: ['Café'] }], delimiter: '\t' });
  });
});
