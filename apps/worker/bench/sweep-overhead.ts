/**
 * A finished sweep's per-run overhead, from what its jobs recorded: each run's wall time from the job's
 * pickup (BullMQ's processedOn) to its stored outcome, less the time the core spent training, with the
 * phases the rest went to (medians over the runs).
 */
import type { TrainQueue } from "@actlab/queue";
import { waitFor } from "@actlab/test-utils";
import { z } from "zod";
import { RUN_PHASES, type RunPhase } from "../src/run-timings";

const ZRunTimings = z.object({
  phases: z.record(z.enum(RUN_PHASES), z.number()),
  startedAt: z.number(),
  endedAt: z.number(),
  cpuMs: z.number(),
});
const ZJobResult = z.object({ status: z.string(), timings: ZRunTimings });

export type SweepOverhead = {
  /** Median over the runs of (pickup → stored outcome) − training, in ms. */
  overheadMs: number;
  /** Median training time of a run, in ms. */
  trainMs: number;
  /** Median pickup → stored outcome, in ms. */
  wallMs: number;
  /** Median CPU time of the training process over the handler's part of that: the rest went waiting. */
  cpuMs: number;
  /** Median of each part of the overhead, in ms: dispatch is pickup → the handler's first line. */
  breakdown: Record<Exclude<RunPhase, "train"> | "dispatch" | "other", number>;
  runs: number;
};

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const round1 = (x: number) => Math.round(x * 10) / 10;

export async function sweepOverhead(queue: TrainQueue, runIds: readonly string[]): Promise<SweepOverhead> {
  const rows = await Promise.all(
    runIds.map(async (id) => {
      // A run is stored as finished a moment before its job's result reaches Redis.
      const job = await waitFor(
        `the job of run ${id} to complete`,
        async () => {
          const j = await queue.getJob(id);
          return j?.finishedOn && j.processedOn ? j : undefined;
        },
        10_000,
        20,
      );
      const parsed = ZJobResult.safeParse(job.returnvalue);
      if (!parsed.success)
        throw new Error(
          `run ${id}: its job returned no timings: ${JSON.stringify(job.returnvalue)} (${job.attemptsMade} attempts made)`,
        );
      const { timings } = parsed.data;
      return { pickedUpAt: job.processedOn as number, ...timings };
    }),
  );
  const parts = [...RUN_PHASES.filter((p) => p !== "train"), "dispatch"] as const;
  const breakdown = Object.fromEntries(
    parts.map((p) => [
      p,
      round1(median(rows.map((r) => (p === "dispatch" ? r.startedAt - r.pickedUpAt : (r.phases[p] ?? 0))))),
    ]),
  ) as SweepOverhead["breakdown"];
  const wall = rows.map((r) => r.endedAt - r.pickedUpAt);
  // What no phase holds: the loop's own bookkeeping, and on a busy machine the time other processes ran.
  breakdown.other = round1(
    median(
      rows.map(
        (r, i) =>
          (wall[i] as number) -
          (r.startedAt - r.pickedUpAt) -
          Object.values(r.phases).reduce((a, b) => a + b, 0),
      ),
    ),
  );
  const train = rows.map((r) => r.phases.train ?? 0);
  return {
    overheadMs: round1(median(rows.map((r, i) => (wall[i] as number) - (r.phases.train ?? 0)))),
    trainMs: round1(median(train)),
    wallMs: round1(median(wall)),
    cpuMs: round1(median(rows.map((r) => r.cpuMs))),
    breakdown,
    runs: rows.length,
  };
}
