/**
 * share.view / share.compare: a saved view's report and its comparison for anyone holding the link.
 * The comparison is read with the compare page's own code, limited to the runs and metric the view stores.
 */
import { readComparison, ZCompareRunsInput } from "../runs/compare";
import { router } from "../trpc";
import { parseViewState } from "../views/state";
import { shareTokenProcedure } from "./procedure";

export const ZShareCompareInput = ZCompareRunsInput.pick({
  buckets: true,
  extremes: true,
  wall: true,
  range: true,
});

export const shareRouter = router({
  /** Only what the report shows: no ids of the workspace, project or people beyond the author's name. */
  view: shareTokenProcedure.query(({ ctx }) => ({
    title: ctx.sharedView.title,
    body: ctx.sharedView.body,
    state: ctx.sharedView.state,
    createdByName: ctx.sharedView.createdByName,
    updatedAt: ctx.sharedView.updatedAt,
  })),
  compare: shareTokenProcedure.input(ZShareCompareInput).query(({ ctx, input }) => {
    const state = parseViewState(ctx.sharedView.state);
    return readComparison(ctx.db, ctx.sharedView.projectId, {
      ...input,
      runIds: state.runs,
      keys: [state.key],
    });
  }),
});
