/**
 * "+N seeds": the same sweep with more seeds of every config, so its verdict rests on more evidence.
 * The new runs take the next seeds (base seed + current count …), join the sweep, and queue at once.
 */
import { checkSweepRuns, expandSweep, SWEEP_LIMITS, ZSweepSpec } from "@actlab/core";
import { extendSweep } from "@actlab/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { recordActivitySafely } from "../activity/record";
import { assertConfigsWithinBudget, assertOpenRunsWithinBudget } from "../runs/budget";
import { enqueueRunsOrFail } from "../runs/enqueue";
import { projectProcedure } from "../trpc";
import { requireSweep } from "./require-sweep";

export const ZAddSeedsInput = z.object({
  sweepId: z.string().min(1, "sweepId is required").max(64),
  seeds: z
    .int("seeds must be a whole number")
    .min(1, "add at least one seed")
    .max(SWEEP_LIMITS.maxSeeds, `add at most ${SWEEP_LIMITS.maxSeeds} seeds at once`),
});

export const addSeedsProcedure = projectProcedure("EDITOR")
  .input(ZAddSeedsInput)
  .mutation(async ({ ctx, input }) => {
    const sweep = await requireSweep(ctx, input.sweepId);
    const stored = ZSweepSpec.safeParse(JSON.parse(sweep.spec));
    if (!stored.success) {
      throw new TRPCError({
        code: "PRECONDITION_FAILED",
        message: "this sweep's stored spec cannot be extended",
      });
    }
    const spec = stored.data;
    const seeds = spec.seeds + input.seeds;
    if (seeds > SWEEP_LIMITS.maxSeeds) {
      throw new TRPCError({
        code: "BAD_REQUEST",
        message: `a sweep has at most ${SWEEP_LIMITS.maxSeeds} seeds (this one has ${spec.seeds})`,
      });
    }
    const extended = { ...spec, seeds };
    const firstNewSeed = spec.base.seed + spec.seeds;
    // Expansion is stable (configs first, then seeds): the new configs are exactly those with new seeds.
    const configs = expandSweep(extended).filter((c) => c.seed >= firstNewSeed);
    const tooMany = checkSweepRuns(sweep.runs.length + configs.length);

    if (tooMany) throw new TRPCError({ code: "BAD_REQUEST", message: tooMany.message });
    await assertConfigsWithinBudget(ctx.db, ctx.projectId, configs);
    await assertOpenRunsWithinBudget(ctx.db, ctx.workspaceId, configs.length);
    const total = sweep.runs.length + configs.length;
    const runIds = await extendSweep(ctx.db, {
      sweepId: sweep.id,
      projectId: ctx.projectId,
      // A generated name counts the runs ("moons sweep · 2 runs"): keep it true; a chosen one stays.
      name: sweep.name.replace(new RegExp(`· ${sweep.runs.length} runs$`), `· ${total} runs`),
      spec: extended,
      configs,
    });
    await recordActivitySafely(ctx, {
      projectId: ctx.projectId,
      actorId: ctx.userId,
      verb: "extended",
      targetKind: "sweep",
      targetId: sweep.id,
      detail: `+${input.seeds} seeds, ${runIds.length} runs`,
    });
    await enqueueRunsOrFail(
      ctx,
      runIds.map((runId) => ({ runId, attempt: 0 })),
    );
    return { added: runIds.length, seeds };
  });
