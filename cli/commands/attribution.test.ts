import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const BIN = path.resolve(HERE, '../../bin/accord.js');
const DATA_CSV = path.resolve(HERE, '../../../shared/data/channel-attribution/Data.csv');
const run = promisify(execFile);
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-attribution-'));

async function accord(args: string[]) {
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'silent' };
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env, timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

function scratchFile(name: string, content: string): string {
  const file = path.join(scratch, name);
  fs.writeFileSync(file, content);
  return file;
}

type Report = { totals: { conversions: number; value: number }; models: { model: string; credits: { conversions: number; value: number }[] }[] };

afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe('accord attribute paths', () => {
  it('gives every model the file’s total conversions and value, as JSON', async () => {
    const result = await accord(['attribute', 'paths', DATA_CSV, '--sep', ';', '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.totals.conversions).toBe(19_785);
    expect(report.models).toHaveLength(8);
    for (const model of report.models) {
      expect(model.credits.reduce((s, c) => s + c.conversions, 0)).toBeCloseTo(19_785, 6);
      expect(model.credits.reduce((s, c) => s + c.value, 0)).toBeCloseTo(report.totals.value, 6);
    }
  });

  it('prints a table per measure without --json', async () => {
    const file = scratchFile('small.csv', 'path;total_conversions;total_conversion_value;total_null\nsearch > email;2;100;1\nemail;1;20;3\n');
    const result = await accord(['attribute', 'paths', file]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Attributed conversions:');
    expect(result.stdout).toContain('Attributed value:');
    expect(result.stdout).toMatch(/'search'.*\d/);
  });

  it('fails with the line and the field of a bad file, and a non-zero code', async () => {
    const file = scratchFile('bad.csv', 'path;total_conversions;total_conversion_value;total_null\na > b;1;2;3\nb;-3;1;1\n');
    const result = await accord(['attribute', 'paths', file]);
    expect(result.code).not.toBe(0);
    expect(result.stderr.trim()).toBe('accord: line 3: total_conversions must be a non-negative number, found "-3"');
    const missing = await accord(['attribute', 'paths', path.join(scratch, 'nothing.csv')]);
    expect(missing.stderr).toContain('nothing.csv: no such file');
  });
});

describe('accord bridge', () => {
  const segment = (name: string, leads: number, winRate: number) => ({ segment: name, leads, mqlRate: 0.3, acceptanceRate: 0.6, opportunityRate: 0.5, winRate, avgDealSize: 10_000, discount: 0.1 });

  it('prints effects that sum to the gap', async () => {
    const file = scratchFile('bridge.json', JSON.stringify({ currency: 'EUR', periods: { base: { label: 'target', segments: [segment('search', 1000, 0.25)] }, current: { segments: [segment('search', 1200, 0.2), segment('events', 100, 0.3)] } } }));
    const result = await accord(['bridge', file, '--json']);
    expect(result.code).toBe(0);
    const bridge = JSON.parse(result.stdout) as { gap: number; base: number; effects: { effect: number }[]; labels: { base: string } };
    expect(bridge.labels.base).toBe('target');
    expect(Math.abs(bridge.effects.reduce((s, e) => s + e.effect, 0) - bridge.gap)).toBeLessThan(1e-9 * bridge.base);
    const table = await accord(['bridge', file]);
    expect(table.stdout).toContain('target: 202500 EUR  ->  current: ');
  });

  it('names the bad field of the file', async () => {
    const bad = scratchFile('bad.json', JSON.stringify({ periods: { base: { segments: [] }, current: { segments: [segment('a', 1, 0.2), segment('b', 1, 0.2), segment('c', 1, 1.5)] } } }));
    const result = await accord(['bridge', bad]);
    expect(result.code).not.toBe(0);
    expect(result.stderr.trim()).toBe('accord: periods.current.segments[2].winRate must be between 0 and 1');
    const broken = await accord(['bridge', scratchFile('broken.json', '{"periods": ')]);
    expect(broken.stderr).toMatch(/broken\.json: not valid JSON/);
  });
});
