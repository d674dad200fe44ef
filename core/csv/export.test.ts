import { describe, expect, it } from 'vitest';
import { csvSafeCell, toCsv } from './export.ts';
import { parseCsv } from './parse.ts';

describe('csvSafeCell', () => {
  it('puts a quote before text a spreadsheet would run as a formula', () => {
    expect(csvSafeCell('=HYPERLINK("http://evil.example","click")')).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(csvSafeCell('+1+1')).toBe("'+1+1");
    expect(csvSafeCell('-2+3')).toBe("'-2+3");
    expect(csvSafeCell('@SUM(A1:A2)')).toBe("'@SUM(A1:A2)");
    expect(csvSafeCell('\t=1')).toBe("'\t=1");
    expect(csvSafeCell('\r=1')).toBe("'\r=1");
  });

  it('leaves other text alone, and numbers as numbers, negative ones too', () => {
    expect(csvSafeCell('Acme = best')).toBe('Acme = best');
    expect(csvSafeCell(-5)).toBe('-5');
    expect(csvSafeCell(12.5)).toBe('12.5');
    expect(csvSafeCell(true)).toBe('true');
    expect(csvSafeCell(null)).toBe('');
    expect(csvSafeCell(undefined)).toBe('');
    expect(csvSafeCell(Number.NaN)).toBe('');
  });
});

describe('toCsv', () => {
  it('writes CRLF lines and quotes fields with commas, quotes or line breaks', () => {
    expect(toCsv(['name', 'note'], [['Doe, Jane', 'said "hi"\nbye'], ['Bob', null]])).toBe(
      'name,note\r\n"Doe, Jane","said ""hi""\nbye"\r\nBob,\r\n',
    );
  });

  it('protects header cells and quotes protected cells that need it', () => {
    expect(toCsv(['=cmd'], [['=1,2'], [-3]])).toBe(`'=cmd\r\n"'=1,2"\r\n-3\r\n`);
  });

  it('reads back with the parser as the safe cells', () => {
    const rows = [['=evil()', -1, 'multi\r\nline "quoted"', true, undefined]];
    const csv = parseCsv(toCsv(['a', 'b', 'c', 'd', 'e'], rows));
    expect(csv.rows).toEqual([{ line: 2, fields: ["'=evil()", '-1', 'multi\r\nline "quoted"', 'true', ''] }]);
  });
});
