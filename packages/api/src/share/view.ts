/** share.view: a saved view's report for anyone holding its link. */
import { shareTokenProcedure } from "./procedure";

/** Only what the report shows: no ids of the workspace, project or people beyond the author's name. */
export const shareViewProcedure = shareTokenProcedure.query(({ ctx }) => ({
  title: ctx.sharedView.title,
  body: ctx.sharedView.body,
  state: ctx.sharedView.state,
  createdByName: ctx.sharedView.createdByName,
  updatedAt: ctx.sharedView.updatedAt,
}));
