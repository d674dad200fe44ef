import { spawn, type ChildProcess } from 'node:child_process';
import { childEnv } from '../config.ts';

/** Starts `command` in `cwd` and resolves once `url` answers 200, with the milliseconds it took. */
export async function startAndWait(command: string[], options: { cwd: string; env: Record<string, string>; url: string; timeoutMs?: number }): Promise<{ child: ChildProcess; ms: number; output: () => string }> {
  const started = performance.now();
  const child = spawn(command[0]!, command.slice(1), { cwd: options.cwd, env: childEnv(options.env), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const deadline = started + (options.timeoutMs ?? 120_000);
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    const ok = await fetch(options.url).then((r) => r.ok, () => false);
    if (ok) return { child, ms: performance.now() - started, output: () => output };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await stopProcess(child);
  throw new Error(`server did not answer ${options.url} in time:\n${output}`);
}

export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(-child.pid!, 'SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
}
