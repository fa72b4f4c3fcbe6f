import { router } from "../trpc";
import { addSeedsProcedure } from "./add-seeds";
import { cancelSweepProcedure } from "./cancel";
import { createSweepProcedure } from "./create";
import { getSweepProcedure } from "./get";
import { listSweepsProcedure } from "./list";
import { liveSweepProcedure } from "./live";
import { verdictProcedure } from "./verdict";

export const sweepsRouter = router({
  create: createSweepProcedure,
  get: getSweepProcedure,
  list: listSweepsProcedure,
  live: liveSweepProcedure,
  cancel: cancelSweepProcedure,
  verdict: verdictProcedure,
  addSeeds: addSeedsProcedure,
});
