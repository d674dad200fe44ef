import { describe, expect, it } from 'vitest';
import { parsePathFile, PathFileError } from './path-file.ts';

const HEADER = 'path;total_conversions;total_conversion_value;total_null';

describe('path files', () => {
  it('reads paths joined by ">" with the spaces around it ignored, and numbers', () => {
    const text = `${HEADER}\r\neta > iota>alpha ;1;0.244;3\nbeta;0;0;2.5\n\n`;
    expect(parsePathFile(text)).toEqual([
      { channels: ['eta', 'iota', 'alpha'], conversions: 1, value: 0.244, nulls: 3 },
      { channels: ['beta'], conversions: 0, value: 0, nulls: 2.5 },
    ]);
  });

  it('keeps an empty path as a conversion with no touch', () => {
    expect(parsePathFile(`${HEADER}\n;2;10;0`)).toEqual([{ channels: [], conversions: 2, value: 10, nulls: 0 }]);
  });

  it('takes the value and null columns as optional, in any column order, with the given separator', () => {
    expect(parsePathFile('total_conversions,path\n3,a > b', { separator: ',' })).toEqual([{ channels: ['a', 'b'], conversions: 3, value: 0, nulls: 0 }]);
  });

  it('names the line and the field of every bad value, never NaN', () => {
    const text = `${HEADER}\na;1;2;3\nb;-3;2;3\nc;x;;3\nd > > e;1;1;1\nf;1;2`;
    expect(() => parsePathFile(text)).toThrow(
      new PathFileError([
        'line 3: total_conversions must be a non-negative number, found "-3"',
        'line 4: total_conversions must be a non-negative number, found "x"',
        'line 4: total_conversion_value must be a non-negative number, found ""',
        'line 5: path has an empty channel at position 2 in "d > > e"',
        'line 6: expected 4 fields, found 3',
      ]),
    );
  });

  it('says which separator it read the header with when a column is missing', () => {
    expect(() => parsePathFile('path|total_conversions\na|1')).toThrow(
      'line 1: no "path" or "total_conversions" column in the header "path|total_conversions" read with separator ","; expected path,total_conversions,total_conversion_value,total_null',
    );
    expect(() => parsePathFile('')).toThrow(/the file is empty/);
  });

  it('shows the first ten problems and counts the rest', () => {
    const text = [HEADER, ...Array.from({ length: 12 }, (_, i) => `a;${-i - 1};0;0`)].join('\n');
    expect(() => parsePathFile(text)).toThrow(/found "-10"\n… and 2 more$/);
  });
});
