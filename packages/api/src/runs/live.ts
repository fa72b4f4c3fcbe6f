/** Live run updates over SSE: a snapshot first, then every metric, progress and status event. */
import { queryRunSeries } from "@actlab/db";
import { runChannel } from "@actlab/queue";
import { streamEvents } from "../stream-events";
import { projectProcedure } from "../trpc";
import { requireRun, ZRunIdInput } from "./require-run";
import { serializeRun } from "./serialize";

export const liveRunProcedure = projectProcedure("VIEWER")
  .input(ZRunIdInput)
  .subscription(async function* ({ ctx, input, signal }) {
    yield* streamEvents(ctx.events, runChannel(input.runId), signal, async () => {
      const run = await requireRun(ctx, input.runId);
      return {
        type: "snapshot" as const,
        run: serializeRun(run),
        series: await queryRunSeries(ctx.db, run.id),
      };
    });
  });
