/** tags.list / forRun / add / remove: the project's run tags; viewers read, editors tag. */
import { router } from "../trpc";
import { addTagProcedure } from "./add";
import { runTagsProcedure } from "./for-run";
import { listTagsProcedure } from "./list";
import { removeTagProcedure } from "./remove";

export const tagsRouter = router({
  list: listTagsProcedure,
  forRun: runTagsProcedure,
  add: addTagProcedure,
  remove: removeTagProcedure,
});
