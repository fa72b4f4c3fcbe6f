/** runs.*: launch, read, follow, cancel and retry runs; compare them and read their weights and mistakes. */
import { router } from "../trpc";
import { cancelRunProcedure } from "./cancel";
import { runCheckpointsProcedure } from "./checkpoints";
import { runColumnsProcedure } from "./columns";
import { compareRunsProcedure } from "./compare";
import { createRunProcedure } from "./create";
import { getRunProcedure } from "./get";
import { listRunsProcedure } from "./list";
import { liveRunProcedure } from "./live";
import { runMisclassifiedProcedure } from "./misclassified";
import { retryRunProcedure } from "./retry";
import { runTableProcedure } from "./table";
import { trackedRunProcedure } from "./tracked";
import { runSetVerdictProcedure } from "./verdict";
import { runWeightsProcedure } from "./weights";

export const runsRouter = router({
  create: createRunProcedure,
  list: listRunsProcedure,
  get: getRunProcedure,
  live: liveRunProcedure,
  cancel: cancelRunProcedure,
  compare: compareRunsProcedure,
  retry: retryRunProcedure,
  table: runTableProcedure,
  columns: runColumnsProcedure,
  checkpoints: runCheckpointsProcedure,
  weights: runWeightsProcedure,
  misclassified: runMisclassifiedProcedure,
  tracked: trackedRunProcedure,
  verdict: runSetVerdictProcedure,
});
