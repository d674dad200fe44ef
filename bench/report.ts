import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './server.ts';

export type Metric = { value: number; unit: string; target?: string; ok?: boolean };
export type BenchResult = { scenario: string; db: string; at: string; metrics: Record<string, Metric> };

/** Prints a table of the metrics and writes the JSON file under bench/results/. */
export function report(result: BenchResult): string {
  const rows = Object.entries(result.metrics).map(([name, m]) => ({
    metric: name,
    value: `${Number.isInteger(m.value) ? m.value : m.value.toFixed(2)} ${m.unit}`,
    target: m.target ?? '',
    met: m.ok === undefined ? '' : m.ok ? 'yes' : 'NO',
  }));
  console.log(`\n${result.scenario} [${result.db}]`);
  console.table(rows);
  const dir = path.join(ROOT, 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${result.scenario}-${result.db}-${result.at.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}

/** A metric with an upper bound to reach. */
export function atMost(value: number, unit: string, limit: number): Metric {
  return { value, unit, target: `<= ${limit} ${unit}`, ok: value <= limit };
}

/** A metric with a lower bound to reach. */
export function atLeast(value: number, unit: string, floor: number): Metric {
  return { value, unit, target: `>= ${floor} ${unit}`, ok: value >= floor };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

/** Milliseconds of `runs` calls of `work`, one after the other, sorted. */
export function timed(runs: number, work: () => unknown): number[] {
  const durations: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    work();
    durations.push(performance.now() - started);
  }
  return durations.sort((a, b) => a - b);
}

/** Milliseconds of `runs` awaited calls of `work`, one after the other, sorted. */
export async function timedAsync(runs: number, work: () => Promise<unknown>): Promise<number[]> {
  const durations: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    durations.push(performance.now() - started);
  }
  return durations.sort((a, b) => a - b);
}
