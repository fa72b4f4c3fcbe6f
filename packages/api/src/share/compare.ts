/**
 * share.compare: a shared view's comparison, read with the compare page's own code and limited to the
 * runs and metric the view stores.
 */
import { noteComparisonCacheable, readComparison, ZCompareRunsInput } from "../runs/compare";
import { parseViewState } from "../views/state";
import { shareTokenProcedure } from "./procedure";

export const ZShareCompareInput = ZCompareRunsInput.pick({
  buckets: true,
  extremes: true,
  wall: true,
  range: true,
});

export const shareCompareProcedure = shareTokenProcedure
  .input(ZShareCompareInput)
  .query(async ({ ctx, input }) => {
    const state = parseViewState(ctx.sharedView.state);
    const comparison = await readComparison(ctx, ctx.sharedView.projectId, {
      ...input,
      runIds: state.runs,
      keys: [state.key],
    });
    return noteComparisonCacheable(ctx, comparison);
  });
