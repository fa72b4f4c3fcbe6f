import { router } from "../trpc";
import { listCommentsProcedure } from "./list";
import { addCommentProcedure, editCommentProcedure, removeCommentProcedure } from "./write";

export const commentsRouter = router({
  list: listCommentsProcedure,
  add: addCommentProcedure,
  edit: editCommentProcedure,
  remove: removeCommentProcedure,
});
