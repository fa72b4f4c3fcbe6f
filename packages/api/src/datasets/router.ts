/** datasets.*: the project's uploaded datasets (uploads themselves arrive over POST /api/datasets). */
import { router } from "../trpc";
import { listDatasetsProcedure } from "./list";
import { datasetsOverviewProcedure } from "./overview";
import { datasetsPreviewProcedure } from "./preview";

export const datasetsRouter = router({
  list: listDatasetsProcedure,
  overview: datasetsOverviewProcedure,
  preview: datasetsPreviewProcedure,
});
