/** lab.launch: run a claim's experiment on a dataset of the workspace, as a sweep the lab page follows. */

import { findLabClaim, LAB_CLAIM_IDS, launchBlocker } from "@actlab/analysis";
import { ZDatasetSpec, ZSweepSpec } from "@actlab/core";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { launchSweep } from "../sweeps/launch-sweep";
import { projectProcedure } from "../trpc";

export const ZLaunchClaimInput = z.object({
  claimId: z.enum(LAB_CLAIM_IDS as [string, ...string[]], {
    error: `claimId must be one of ${LAB_CLAIM_IDS.join(", ")}`,
  }),
  dataset: ZDatasetSpec,
  seeds: z.int().min(2, "a claim needs at least 2 seeds to be tested").max(10, "at most 10 seeds").default(3),
});

export const launchClaimProcedure = projectProcedure("EDITOR")
  .input(ZLaunchClaimInput)
  .mutation(async ({ ctx, input }) => {
    const claim = findLabClaim(input.claimId);
    if (!claim) throw new TRPCError({ code: "NOT_FOUND", message: `no claim ${input.claimId}` });
    const blocked = launchBlocker(claim, input.dataset);
    if (blocked) throw new TRPCError({ code: "BAD_REQUEST", message: `"${claim.title}" ${blocked}` });
    const spec = ZSweepSpec.safeParse({ ...claim.sweep(input.dataset, input.seeds), confirmed: true });
    if (!spec.success) {
      throw new TRPCError({
        code: "BAD_REQUEST",
        message: spec.error.issues[0]?.message ?? "invalid experiment",
      });
    }
    return launchSweep(ctx, spec.data, { labClaim: claim.id });
  });
