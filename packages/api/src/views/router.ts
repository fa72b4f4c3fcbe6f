/**
 * views.*: saved comparisons with a markdown report. Every member reads; editors save, and edit or delete
 * their own (owners any); the view's creator or an owner creates and revokes its public link.
 */
import { router } from "../trpc";
import { createViewProcedure } from "./create";
import { getViewProcedure } from "./get";
import { listViewsProcedure } from "./list";
import { removeViewProcedure } from "./remove";
import { revokeShareProcedure } from "./revoke-share";
import { shareViewProcedure } from "./share";
import { updateViewProcedure } from "./update";

export const viewsRouter = router({
  list: listViewsProcedure,
  get: getViewProcedure,
  create: createViewProcedure,
  update: updateViewProcedure,
  remove: removeViewProcedure,
  share: shareViewProcedure,
  revokeShare: revokeShareProcedure,
});
