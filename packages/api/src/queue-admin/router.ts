import { router } from "../trpc";
import { removeJobProcedure, retryJobProcedure } from "./actions";
import { queueOverviewProcedure } from "./overview";

export const queueAdminRouter = router({
  overview: queueOverviewProcedure,
  retryJob: retryJobProcedure,
  removeJob: removeJobProcedure,
});
