/** Live run updates over SSE: a snapshot first, then every metric, progress and status event. */
import { getRun, queryRunSeries } from "@actlab/db";
import { runChannel } from "@actlab/queue";
import { TRPCError } from "@trpc/server";
import { streamEvents } from "../stream-events";
import { projectProcedure } from "../trpc";
import { ZRunIdInput } from "./get";
import { serializeRun } from "./serialize";

export const liveRunProcedure = projectProcedure("VIEWER")
  .input(ZRunIdInput)
  .subscription(async function* ({ ctx, input, signal }) {
    yield* streamEvents(ctx.events, runChannel(input.runId), signal, async () => {
      const run = await getRun(ctx.db, input.runId, ctx.projectId);
      if (!run) throw new TRPCError({ code: "NOT_FOUND", message: `no run ${input.runId}` });
      return { type: "snapshot" as const, run: serializeRun(run), series: queryRunSeries(ctx.db, run.id) };
    });
  });
