import { router } from "../trpc";
import {
  createViewProcedure,
  deleteViewProcedure,
  getViewProcedure,
  listViewsProcedure,
  revokeShareProcedure,
  shareViewProcedure,
  updateViewProcedure,
} from "./procedures";

export const viewsRouter = router({
  list: listViewsProcedure,
  get: getViewProcedure,
  create: createViewProcedure,
  update: updateViewProcedure,
  remove: deleteViewProcedure,
  share: shareViewProcedure,
  revokeShare: revokeShareProcedure,
});
