import { router } from "../trpc";
import { createRunProcedure } from "./create";
import { getRunProcedure } from "./get";
import { listRunsProcedure } from "./list";
import { liveRunProcedure } from "./live";

export const runsRouter = router({
  create: createRunProcedure,
  list: listRunsProcedure,
  get: getRunProcedure,
  live: liveRunProcedure,
});
