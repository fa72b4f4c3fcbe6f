/** A sweep's progress: counts per status and an ETA from the runs finished so far. */

type RunTiming = { status: string; startedAt: Date | null; finishedAt: Date | null; progress: string | null };

export function sweepProgress(runs: RunTiming[]) {
  const counts: Record<string, number> = {
    QUEUED: 0,
    RUNNING: 0,
    COMPLETED: 0,
    FAILED: 0,
    CANCELED: 0,
    DIVERGED: 0,
  };
  for (const r of runs) counts[r.status] = (counts[r.status] ?? 0) + 1;
  const durations = runs
    .filter((r) => r.startedAt && r.finishedAt && (r.status === "COMPLETED" || r.status === "DIVERGED"))
    .map((r) => ((r.finishedAt as Date).getTime() - (r.startedAt as Date).getTime()) / 1000);
  const mean = durations.length ? durations.reduce((a, b) => a + b, 0) / durations.length : null;
  const running = counts.RUNNING ?? 0;
  const queued = counts.QUEUED ?? 0;
  const runningLeft = runs
    .filter((r) => r.status === "RUNNING" && r.progress)
    .map((r) => (JSON.parse(r.progress as string) as { etaSec?: number | null }).etaSec ?? mean ?? 0);
  // Queued runs go through as many slots as are busy now (at least one).
  const etaSec =
    mean === null && runningLeft.length === 0
      ? null
      : Math.max(0, ...runningLeft) + (queued * (mean ?? Math.max(0, ...runningLeft))) / Math.max(1, running);
  const done =
    (counts.COMPLETED ?? 0) + (counts.FAILED ?? 0) + (counts.CANCELED ?? 0) + (counts.DIVERGED ?? 0);
  return { counts, total: runs.length, done, etaSec: queued + running === 0 ? 0 : etaSec, meanRunSec: mean };
}
