/** comments.*: threads on runs, sweeps and views. Viewers may comment; authors edit; authors or owners delete. */
import { router } from "../trpc";
import { addCommentProcedure } from "./add";
import { editCommentProcedure } from "./edit";
import { listCommentsProcedure } from "./list";
import { removeCommentProcedure } from "./remove";

export const commentsRouter = router({
  list: listCommentsProcedure,
  add: addCommentProcedure,
  edit: editCommentProcedure,
  remove: removeCommentProcedure,
});
