/** runs/search: MLflow's filter grammar over the caller's experiments, paged with a stable order. */
import { getTrackedRuns, searchRunIds } from "@actlab/db";
import { experimentAccess } from "../access";
import { type Handler, parse } from "../context";
import { decodePageToken, encodePageToken } from "../page-token";
import { renderRun } from "../render";
import { ZSearchRuns } from "../schemas/runs";
import { parseRunFilter, parseRunOrderBy } from "../search/run-search";

const VIEW = { ACTIVE_ONLY: "active", DELETED_ONLY: "deleted", ALL: "all" } as const;

export const searchRunsHandler: Handler = async ({ deps, caller, input }) => {
  const req = parse(ZSearchRuns, input);
  const conditions = parseRunFilter(req.filter);
  const orderBy = parseRunOrderBy(req.order_by);
  const offset = decodePageToken(req.page_token);
  const access = await Promise.all(
    req.experiment_ids.map((id) => experimentAccess(deps.db, caller, id, "VIEWER")),
  );
  const { ids, more } = await searchRunIds(deps.db, {
    projectIds: [...new Set(access.map((a) => a.projectId))],
    conditions,
    orderBy,
    view: VIEW[req.run_view_type],
    offset,
    limit: req.max_results,
  });
  const defaultProjectId = access[0]?.membership.defaultProjectId ?? null;
  const runs = await getTrackedRuns(deps.db, ids);
  return {
    runs: runs.map((r) => renderRun(r, defaultProjectId)),
    ...(more ? { next_page_token: encodePageToken(offset + ids.length) } : {}),
  };
};
