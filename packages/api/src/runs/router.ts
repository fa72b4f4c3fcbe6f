import { router } from "../trpc";
import { cancelRunProcedure } from "./cancel";
import { createRunProcedure } from "./create";
import { getRunProcedure } from "./get";
import { listRunsProcedure } from "./list";
import { liveRunProcedure } from "./live";
import { retryRunProcedure } from "./retry";

export const runsRouter = router({
  create: createRunProcedure,
  list: listRunsProcedure,
  get: getRunProcedure,
  live: liveRunProcedure,
  cancel: cancelRunProcedure,
  retry: retryRunProcedure,
});
