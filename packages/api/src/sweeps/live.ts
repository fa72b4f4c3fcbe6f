/** Live sweep updates over SSE: every status and progress change of its runs. */
import { getSweep } from "@actlab/db";
import { sweepChannel } from "@actlab/queue";
import { TRPCError } from "@trpc/server";
import { streamEvents } from "../stream-events";
import { projectProcedure } from "../trpc";
import { ZSweepIdInput } from "./get";

export const liveSweepProcedure = projectProcedure("VIEWER")
  .input(ZSweepIdInput)
  .subscription(async function* ({ ctx, input, signal }) {
    const sweep = await getSweep(ctx.db, input.sweepId, ctx.projectId);
    if (!sweep) throw new TRPCError({ code: "NOT_FOUND", message: `no sweep ${input.sweepId}` });
    yield* streamEvents(ctx.events, sweepChannel(sweep.id), signal);
  });
