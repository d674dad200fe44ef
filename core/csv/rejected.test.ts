import { describe, expect, it } from 'vitest';
import { parseCsv } from './parse.ts';
import { rejectedRowsCsv } from './rejected.ts';

describe('rejectedRowsCsv', () => {
  it('keeps only the rejected rows, with their errors, and stays safe to open in a spreadsheet', () => {
    const parsed = parseCsv('id,email\n1,a@example.com\n2,=cmd()\n3,c@example.com\n');
    const csv = rejectedRowsCsv(parsed.header, parsed.rows, [
      { line: 3, field: 'email', message: 'must be a valid email address' },
      { line: 3, field: 'id', message: 'is odd' },
    ]);
    expect(csv).toBe("id,email,errors\r\n2,'=cmd(),email: must be a valid email address; id: is odd\r\n");
  });
});
