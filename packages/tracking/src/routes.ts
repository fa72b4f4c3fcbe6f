/** Every MLflow endpoint Actlab serves: path under /api/2.0/mlflow/ → handler and the methods it takes. */
import type { Handler } from "./context";
import { listArtifactsHandler } from "./handlers/artifacts";
import * as experiments from "./handlers/experiments";
import * as metrics from "./handlers/metrics";
import * as runs from "./handlers/runs";
import { searchRunsHandler } from "./handlers/search-runs";

type Route = { methods: readonly ("GET" | "POST" | "PATCH" | "DELETE")[]; handler: Handler };
const get: Route["methods"] = ["GET"];
const post: Route["methods"] = ["POST"];
const either: Route["methods"] = ["GET", "POST"];

export const ROUTES: Record<string, Route> = {
  "experiments/create": { methods: post, handler: experiments.createExperimentHandler },
  "experiments/get": { methods: get, handler: experiments.getExperimentHandler },
  "experiments/get-by-name": { methods: get, handler: experiments.getExperimentByNameHandler },
  "experiments/search": { methods: either, handler: experiments.searchExperimentsHandler },
  "experiments/list": { methods: get, handler: experiments.listExperimentsHandler },
  "experiments/update": { methods: post, handler: experiments.updateExperimentHandler },
  "experiments/delete": { methods: post, handler: experiments.deleteExperimentHandler },
  "experiments/restore": { methods: post, handler: experiments.restoreExperimentHandler },
  "experiments/set-experiment-tag": { methods: post, handler: experiments.setExperimentTagHandler },
  "runs/create": { methods: post, handler: runs.createRunHandler },
  "runs/get": { methods: get, handler: runs.getRunHandler },
  "runs/update": { methods: post, handler: runs.updateRunHandler },
  "runs/delete": { methods: post, handler: runs.deleteRunHandler },
  "runs/restore": { methods: post, handler: runs.restoreRunHandler },
  "runs/log-metric": { methods: post, handler: runs.logMetricHandler },
  "runs/log-parameter": { methods: post, handler: runs.logParamHandler },
  "runs/set-tag": { methods: post, handler: runs.setTagHandler },
  "runs/delete-tag": { methods: post, handler: runs.deleteTagHandler },
  "runs/log-batch": { methods: post, handler: runs.logBatchHandler },
  "runs/log-inputs": { methods: post, handler: runs.logInputsHandler },
  "runs/search": { methods: either, handler: searchRunsHandler },
  "artifacts/list": { methods: get, handler: listArtifactsHandler },
  "metrics/get-history": { methods: get, handler: metrics.getMetricHistoryHandler },
  "metrics/get-history-bulk-interval": { methods: get, handler: metrics.getMetricHistoryBulkIntervalHandler },
};

/** What each endpoint needs at least, for the authorisation tests (VIEWER reads, EDITOR writes). */
export const READ_ROUTES = new Set([
  "experiments/get",
  "experiments/get-by-name",
  "experiments/search",
  "experiments/list",
  "runs/get",
  "runs/search",
  "artifacts/list",
  "metrics/get-history",
  "metrics/get-history-bulk-interval",
]);
