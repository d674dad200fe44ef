import autocannon from 'autocannon';
import { percentile } from './report.ts';

export type LoadResult = { requests: number; errors: number; non2xx: number; rps: number; p50: number; p95: number; p99: number };

/** Drives real HTTP load with autocannon and computes latency percentiles from every response. */
/** `requests` cycles through several paths on the same server (autocannon's request list). */
export function load(options: { url: string; headers?: Record<string, string>; connections: number; seconds: number; requests?: string[] }): Promise<LoadResult> {
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: options.seconds,
        headers: options.headers ?? {},
        ...(options.requests ? { requests: options.requests.map((path) => ({ method: 'GET' as const, path })) } : {}),
      },
      (error, result) => {
        if (error) return reject(error);
        latencies.sort((a, b) => a - b);
        resolve({
          requests: result.requests.total,
          errors: result.errors + result.timeouts,
          non2xx: result.non2xx,
          rps: result.requests.average,
          p50: percentile(latencies, 50),
          p95: percentile(latencies, 95),
          p99: percentile(latencies, 99),
        });
      },
    );
    instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => latencies.push(responseTime));
  });
}
