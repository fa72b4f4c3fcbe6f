/** Live run updates over SSE: subscribe first, then send a snapshot, then every event as it comes. */
import { getRun, queryMetricSeries } from "@actlab/db";
import type { RunEvent } from "@actlab/queue";
import { TRPCError } from "@trpc/server";
import { projectProcedure } from "../trpc";
import { ZRunIdInput } from "./get";
import { serializeRun } from "./serialize";

export const liveRunProcedure = projectProcedure("VIEWER")
  .input(ZRunIdInput)
  .subscription(async function* ({ ctx, input, signal }) {
    const queue: RunEvent[] = [];
    let wake: (() => void) | null = null;
    const stop = await ctx.events.listen(input.runId, (event) => {
      queue.push(event);
      wake?.();
    });
    try {
      // Subscribed before the snapshot is read: nothing published in between is lost (the client dedupes by step).
      const run = await getRun(ctx.db, input.runId, ctx.projectId);
      if (!run) throw new TRPCError({ code: "NOT_FOUND", message: `no run ${input.runId}` });
      yield { type: "snapshot" as const, run: serializeRun(run), series: queryMetricSeries(ctx.db, run.id) };
      while (!signal?.aborted) {
        const event = queue.shift();
        if (event) {
          yield event;
          continue;
        }
        await new Promise<void>((resolve) => {
          wake = resolve;
          signal?.addEventListener("abort", () => resolve(), { once: true });
        });
        wake = null;
      }
    } finally {
      await stop();
    }
  });
