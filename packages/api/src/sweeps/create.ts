/** Launch a sweep: expand the grid (or random search) × seeds, store every run, enqueue one job per run. */
import { ZSweepSpec } from "@actlab/core";
import { z } from "zod";
import { projectProcedure } from "../trpc";
import { launchSweep } from "./launch-sweep";

export const ZCreateSweepInput = z.object({ spec: ZSweepSpec });

export const createSweepProcedure = projectProcedure("EDITOR")
  .input(ZCreateSweepInput)
  .mutation(({ ctx, input }) => launchSweep(ctx, input.spec));
