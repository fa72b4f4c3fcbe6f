/** Live run updates over SSE: a snapshot first, then every metric, progress, status and weights event. */
import { queryRunSeries } from "@actlab/db";
import { type RunEvent, runChannel } from "@actlab/queue";
import { streamEvents } from "../stream-events";
import { projectProcedure } from "../trpc";
import { requireRun, ZRunIdInput } from "./require-run";
import { serializeRun } from "./serialize";
import { ZSavedModel } from "./weights";

/**
 * A weights event leaves for the browser only with weights that pass the check runs.weights makes; a
 * diverged epoch's are dropped here, and the page's own request then says why.
 */
function checkedWeights(event: Extract<RunEvent, { type: "weights" }>) {
  const weights = ZSavedModel.safeParse(event.weights);
  return weights.success ? { ...event, weights: weights.data } : null;
}

export const liveRunProcedure = projectProcedure("VIEWER")
  .input(ZRunIdInput)
  .subscription(async function* ({ ctx, input, signal }) {
    const events = streamEvents(ctx.events, runChannel(input.runId), signal, async () => {
      const run = await requireRun(ctx, input.runId);
      return {
        type: "snapshot" as const,
        run: serializeRun(run),
        series: await queryRunSeries(ctx.db, run.id),
      };
    });
    for await (const event of events) {
      if (event.type !== "weights") yield event;
      else {
        const checked = checkedWeights(event);
        if (checked) yield checked;
      }
    }
  });
