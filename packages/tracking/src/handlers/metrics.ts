/** metrics/get-history (paged, in step order) and get-history-bulk-interval (many runs, evenly thinned). */
import { metricHistoryInterval, metricHistoryPage } from "@actlab/db";
import { runAccess } from "../access";
import { type Handler, parse } from "../context";
import { decodePageToken, encodePageToken } from "../page-token";
import { renderPoint } from "../render";
import { ZGetMetricHistory, ZGetMetricHistoryBulkInterval } from "../schemas/runs";

export const getMetricHistoryHandler: Handler = async ({ deps, caller, input }) => {
  const req = parse(ZGetMetricHistory, input);
  await runAccess(deps.db, caller, req.run_id, "VIEWER");
  const offset = decodePageToken(req.page_token);
  const rows = await metricHistoryPage(deps.db, req.run_id, req.metric_key, {
    offset,
    limit: req.max_results + 1,
  });
  const page = rows.slice(0, req.max_results);
  return {
    metrics: page.map((p) => renderPoint(req.metric_key, p)),
    ...(rows.length > req.max_results ? { next_page_token: encodePageToken(offset + page.length) } : {}),
  };
};

export const getMetricHistoryBulkIntervalHandler: Handler = async ({ deps, caller, input }) => {
  const req = parse(ZGetMetricHistoryBulkInterval, input);
  const runIds = [...new Set(req.run_ids)];
  for (const id of runIds) await runAccess(deps.db, caller, id, "VIEWER");
  const points = await metricHistoryInterval(deps.db, runIds, req.metric_key, {
    startStep: req.start_step,
    endStep: req.end_step,
    maxPoints: req.max_results,
  });
  return { metrics: points.map((p) => ({ ...renderPoint(req.metric_key, p), run_id: p.runId })) };
};
