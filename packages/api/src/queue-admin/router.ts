/** queue.*: the project's view of the shared job queue, and retry / remove of its jobs. */
import { router } from "../trpc";
import { queueOverviewProcedure } from "./overview";
import { removeJobProcedure } from "./remove-job";
import { retryJobProcedure } from "./retry-job";

export const queueAdminRouter = router({
  overview: queueOverviewProcedure,
  retryJob: retryJobProcedure,
  removeJob: removeJobProcedure,
});
