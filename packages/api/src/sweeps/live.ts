/** Live sweep updates over SSE: every status and progress change of its runs. */
import { sweepChannel } from "@actlab/queue";
import { streamEvents } from "../stream-events";
import { projectProcedure } from "../trpc";
import { requireSweep, ZSweepIdInput } from "./require-sweep";

export const liveSweepProcedure = projectProcedure("VIEWER")
  .input(ZSweepIdInput)
  .subscription(async function* ({ ctx, input, signal }) {
    const sweep = await requireSweep(ctx, input.sweepId);
    yield* streamEvents(ctx.events, sweepChannel(sweep.id), signal);
  });
