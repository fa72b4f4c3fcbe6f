/**
 * Where one run's wall time went, phase by phase: the core's training itself against everything the
 * worker does around it (dataset, database writes, live events), so overhead can be measured, not guessed.
 */
export const RUN_PHASES = [
  /** Reading the run, parsing its config, marking it started. */
  "start",
  "dataset",
  /** Reading the newest checkpoint and building the network. */
  "restore",
  /** Inside the core's training generator: steps, evaluation, diagnostics. */
  "train",
  /** Serialising checkpoints and the weights for the decision boundary. */
  "snapshots",
  /** Storing points, checkpoints and progress. */
  "records",
  "publish",
  /** Stop questions asked before costly work (the polled ones run in the background). */
  "stop_checks",
  /** The summary, the status and the completion log. */
  "finish",
] as const;

export type RunPhase = (typeof RUN_PHASES)[number];

export type RunTimings = {
  /** Milliseconds spent in each phase. */
  phases: Record<RunPhase, number>;
  /** Epoch milliseconds: when this processor began the job, and when the run's outcome was stored. */
  startedAt: number;
  endedAt: number;
  /** CPU time this process spent in between: wall time beyond it went waiting (I/O, or other processes). */
  cpuMs: number;
};

export type RunTimer = {
  time<T>(phase: RunPhase, work: () => Promise<T>): Promise<T>;
  timeSync<T>(phase: RunPhase, work: () => T): T;
  done(): RunTimings;
};

export function createRunTimer(): RunTimer {
  const startedAt = Date.now();
  const cpu = process.cpuUsage();
  const phases = Object.fromEntries(RUN_PHASES.map((p) => [p, 0])) as Record<RunPhase, number>;
  return {
    async time(phase, work) {
      const t = performance.now();
      try {
        return await work();
      } finally {
        phases[phase] += performance.now() - t;
      }
    },
    timeSync(phase, work) {
      const t = performance.now();
      try {
        return work();
      } finally {
        phases[phase] += performance.now() - t;
      }
    },
    done: () => ({
      phases: Object.fromEntries(RUN_PHASES.map((p) => [p, Number(phases[p].toFixed(2))])) as Record<
        RunPhase,
        number
      >,
      startedAt,
      endedAt: Date.now(),
      cpuMs: Number(((u) => (u.user + u.system) / 1000)(process.cpuUsage(cpu)).toFixed(2)),
    }),
  };
}
