import { SingleBar } from 'cli-progress';

/** A progress bar on standard error, started at the first update (when the total is known). */
export function progressBar(label: string, unit = 'records'): { update: (done: number, total: number) => void; stop: () => void } {
  const bar = new SingleBar({ format: `${label} [{bar}] {percentage}% | {value}/{total} ${unit}`, stream: process.stderr, hideCursor: true });
  let started = false;
  return {
    update: (done, total) => {
      if (!started) bar.start(total, 0);
      started = true;
      bar.update(done);
    },
    stop: () => started && bar.stop(),
  };
}
