import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startJobs, type JobLog } from './scheduler.ts';

const silentLog: JobLog = { error: () => undefined };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('startJobs', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2026-03-02T09:00:00.000Z') });
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs each job every interval, with the time of the run', async () => {
    const fast: Date[] = [];
    const slow: Date[] = [];
    const jobs = startJobs([
      { name: 'fast', everyMs: 10, run: async (now) => fast.push(now) },
      { name: 'slow', everyMs: 40, run: async (now) => slow.push(now) },
    ], silentLog);
    await vi.advanceTimersByTimeAsync(100);
    await jobs.stop();
    expect(fast).toHaveLength(10);
    expect(slow.map((d) => d.toISOString())).toEqual(['2026-03-02T09:00:00.040Z', '2026-03-02T09:00:00.080Z']);
  });

  it('never overlaps two runs of one job: the next run waits for the previous to end', async () => {
    let running = 0;
    let mostAtOnce = 0;
    let started = 0;
    const jobs = startJobs([{
      name: 'slow',
      everyMs: 10,
      run: async () => {
        started += 1;
        running += 1;
        mostAtOnce = Math.max(mostAtOnce, running);
        await sleep(25);
        running -= 1;
      },
    }], silentLog);
    await vi.advanceTimersByTimeAsync(110);
    await jobs.stop();
    expect(mostAtOnce).toBe(1);
    expect(started).toBe(3); // runs 10-35, 45-70, 80-105 ms; the next would start at 115
  });

  it('logs a failed run and carries on', async () => {
    const errors: { job: string; message: string }[] = [];
    let runs = 0;
    const jobs = startJobs([{
      name: 'flaky',
      everyMs: 10,
      run: async () => {
        runs += 1;
        throw new Error(`run ${runs} broke`);
      },
    }], { error: ({ job, err }, message) => errors.push({ job, message: `${message}: ${(err as Error).message}` }) });
    await vi.advanceTimersByTimeAsync(30);
    await jobs.stop();
    expect(runs).toBe(3);
    expect(errors[0]).toEqual({ job: 'flaky', message: 'job flaky failed: run 1 broke' });
    expect(errors).toHaveLength(3);
  });

  it('stop waits for a running run, and nothing runs after it', async () => {
    const events: string[] = [];
    const jobs = startJobs([{
      name: 'long',
      everyMs: 10,
      run: async () => {
        events.push('start');
        await sleep(50);
        events.push('end');
      },
    }], silentLog);
    await vi.advanceTimersByTimeAsync(20);
    let stopped = false;
    const stopping = jobs.stop().then(() => {
      stopped = true;
      events.push('stopped');
    });
    await vi.advanceTimersByTimeAsync(30);
    expect(stopped).toBe(false);
    await vi.advanceTimersByTimeAsync(20);
    await stopping;
    await vi.advanceTimersByTimeAsync(200);
    expect(events).toEqual(['start', 'end', 'stopped']);
  });
});
