/** Work the server does on its own, every so often. */
export type Job = {
  name: string;
  everyMs: number;
  /** Gets the time of the run; what it resolves to is ignored, what it throws is logged. */
  run: (now: Date) => Promise<unknown>;
};

/** Where a failed run is reported: the server's logger, or anything with its `error`. */
export type JobLog = { error: (details: { err: unknown; job: string }, message: string) => void };

export type RunningJobs = { stop(): Promise<void> };

/**
 * Runs each job every `everyMs`, in this process. A job's next run is timed from the end of
 * the previous one, so two runs of one job never overlap; a run that throws is logged and
 * the job carries on. `stop` cancels what is waiting and resolves once running runs are done.
 */
export function startJobs(jobs: readonly Job[], log: JobLog, clock: () => Date = () => new Date()): RunningJobs {
  let stopped = false;
  const timers = new Set<NodeJS.Timeout>();
  const running = new Set<Promise<void>>();

  const runOnce = async (job: Job): Promise<void> => {
    try {
      await job.run(clock());
    } catch (error) {
      log.error({ err: error, job: job.name }, `job ${job.name} failed`);
    }
  };

  const schedule = (job: Job): void => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      const run = runOnce(job);
      running.add(run);
      void run.then(() => {
        running.delete(run);
        if (!stopped) schedule(job);
      });
    }, job.everyMs);
    timers.add(timer);
  };

  for (const job of jobs) schedule(job);
  return {
    stop: async () => {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await Promise.all(running);
    },
  };
}
