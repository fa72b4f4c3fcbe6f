/** MLflow's run endpoints: external runs in Actlab, their params, tags, inputs and metrics. */
import { FINISHED_STATUSES, type RunStatus } from "@actlab/core";
import {
  createExternalRun,
  deleteRunKeyTag,
  getExperiment,
  getTrackedRun,
  logRunInputs,
  logRunParams,
  setRunDeleted,
  setRunKeyTags,
  type TrackedRun,
  updateTrackedRun,
} from "@actlab/db";
import { publishRunEvent } from "@actlab/queue";
import { type Caller, experimentAccess, runAccess } from "../access";
import { type Handler, parse, type TrackingDeps } from "../context";
import { invalid, notFound } from "../errors";
import { checkBatchLimits } from "../limits";
import { writeMetrics } from "../metric-writes";
import { renderRun, renderRunInfo } from "../render";
import {
  ZCreateRun,
  ZDeleteTag,
  ZLogBatch,
  ZLogInputs,
  ZLogMetric,
  ZLogParam,
  ZRunById,
  ZSetTag,
  ZUpdateRun,
} from "../schemas/runs";
import { FROM_MLFLOW_STATUS } from "../search/run-search";

const RUN_NAME_TAG = "mlflow.runName";

async function loadRun(deps: TrackingDeps, caller: Caller, runId: string, minRole: "VIEWER" | "EDITOR") {
  const access = await runAccess(deps.db, caller, runId, minRole);
  const run = await getTrackedRun(deps.db, runId);
  if (!run) throw notFound(`Run with id=${runId} not found`);
  return { access, run };
}

/** A run being written to must be active (MLflow refuses writes to a deleted run). */
async function writableRun(deps: TrackingDeps, caller: Caller, runId: string): Promise<{ id: string }> {
  const access = await runAccess(deps.db, caller, runId, "EDITOR");
  if (access.runDeleted)
    throw invalid(`The run ${runId} must be in the 'active' state. Current state is deleted.`);
  return { id: runId };
}

export const createRunHandler: Handler = async ({ deps, caller, input }) => {
  const req = parse(ZCreateRun, input);
  const { projectId, membership } = await experimentAccess(deps.db, caller, req.experiment_id, "EDITOR");
  const experiment = await getExperiment(deps.db, projectId);
  if (experiment?.deletedAt)
    throw invalid(
      `The experiment ${req.experiment_id} must be in the 'active' state. Current state is deleted.`,
    );
  const name = req.run_name || req.tags.find((t) => t.key === RUN_NAME_TAG)?.value || defaultRunName();
  const tags = [...req.tags.filter((t) => t.key !== RUN_NAME_TAG), { key: RUN_NAME_TAG, value: name }];
  const runId = await createExternalRun(deps.db, {
    projectId,
    name,
    startedAt: new Date(req.start_time ?? Date.now()),
    sourceUser: req.user_id ?? null,
    tags,
  });
  const run = await getTrackedRun(deps.db, runId);
  return { run: renderRun(run as TrackedRun, membership.defaultProjectId) };
};

/** What MLflow does without a name: a readable one, so the runs table never shows an empty cell. */
function defaultRunName(): string {
  const words = ["brisk", "calm", "deft", "eager", "fond", "keen", "lucid", "merry", "noble", "quiet"];
  const things = ["otter", "finch", "lynx", "heron", "moth", "vole", "wren", "ibis", "newt", "hare"];
  const pick = (list: string[]) => list[Math.floor(Math.random() * list.length)];
  return `${pick(words)}-${pick(things)}-${Math.floor(Math.random() * 1000)}`;
}

export const getRunHandler: Handler = async ({ deps, caller, input }) => {
  const { run_id } = parse(ZRunById, input);
  const { access, run } = await loadRun(deps, caller, run_id, "VIEWER");
  return { run: renderRun(run, access.defaultProjectId) };
};

export const updateRunHandler: Handler = async ({ deps, caller, input }) => {
  const req = parse(ZUpdateRun, input);
  const run = await writableRun(deps, caller, req.run_id);
  const status = req.status ? (FROM_MLFLOW_STATUS[req.status]?.[0] as RunStatus) : undefined;
  const finishedAt =
    req.end_time !== undefined
      ? new Date(req.end_time)
      : status && FINISHED_STATUSES.includes(status)
        ? new Date()
        : undefined;
  await updateTrackedRun(deps.db, run.id, {
    ...(status ? { status } : {}),
    ...(finishedAt ? { finishedAt } : status === "RUNNING" ? { finishedAt: null } : {}),
    ...(req.run_name ? { name: req.run_name } : {}),
  });
  if (req.run_name) await setRunKeyTags(deps.db, run.id, [{ key: RUN_NAME_TAG, value: req.run_name }]);
  if (status) await publishRunEvent(deps.redis, { type: "status", runId: run.id, status });
  const { access, run: updated } = await loadRun(deps, caller, run.id, "VIEWER");
  return { run_info: renderRunInfo(updated, access.defaultProjectId) };
};

function lifecycle(deleted: boolean): Handler {
  return async ({ deps, caller, input }) => {
    const { run_id } = parse(ZRunById, input);
    await loadRun(deps, caller, run_id, "EDITOR");
    await setRunDeleted(deps.db, run_id, deleted);
    return {};
  };
}
export const deleteRunHandler = lifecycle(true);
export const restoreRunHandler = lifecycle(false);

export const logMetricHandler: Handler = async ({ deps, caller, input }) => {
  const req = parse(ZLogMetric, input);
  const run = await writableRun(deps, caller, req.run_id);
  await writeMetrics(deps, run.id, [req]);
  return {};
};

async function storeParams(deps: TrackingDeps, runId: string, params: { key: string; value: string }[]) {
  const conflict = await logRunParams(deps.db, runId, params);
  if (conflict) {
    throw invalid(
      `Changing param values is not allowed. Param with key='${conflict.key}' was already logged with value='${conflict.old}' for run ID='${runId}'. Attempted logging new value '${conflict.new}'.`,
    );
  }
}

/** Tags land as key/value run tags; mlflow.runName also renames the run, as MLflow's UI shows it. */
async function storeTags(deps: TrackingDeps, runId: string, tags: { key: string; value: string }[]) {
  await setRunKeyTags(deps.db, runId, tags);
  const name = tags.findLast((t) => t.key === RUN_NAME_TAG)?.value;
  if (name) await updateTrackedRun(deps.db, runId, { name });
}

export const logParamHandler: Handler = async ({ deps, caller, input }) => {
  const req = parse(ZLogParam, input);
  const run = await writableRun(deps, caller, req.run_id);
  await storeParams(deps, run.id, [{ key: req.key, value: req.value }]);
  return {};
};

export const setTagHandler: Handler = async ({ deps, caller, input }) => {
  const req = parse(ZSetTag, input);
  const run = await writableRun(deps, caller, req.run_id);
  await storeTags(deps, run.id, [{ key: req.key, value: req.value }]);
  return {};
};

export const deleteTagHandler: Handler = async ({ deps, caller, input }) => {
  const req = parse(ZDeleteTag, input);
  const run = await writableRun(deps, caller, req.run_id);
  if (!(await deleteRunKeyTag(deps.db, run.id, req.key)))
    throw notFound(`No tag with name: ${req.key} in run with id ${run.id}`);
  return {};
};

export const logBatchHandler: Handler = async ({ deps, caller, input, bodyBytes }) => {
  checkBatchLimits(input, bodyBytes);
  const req = parse(ZLogBatch, input);
  const run = await writableRun(deps, caller, req.run_id);
  // Params first: a conflicting param refuses the batch before any point is stored.
  await storeParams(deps, run.id, req.params);
  await storeTags(deps, run.id, req.tags);
  await writeMetrics(deps, run.id, req.metrics);
  return {};
};

export const logInputsHandler: Handler = async ({ deps, caller, input }) => {
  const req = parse(ZLogInputs, input);
  const run = await writableRun(deps, caller, req.run_id);
  await logRunInputs(
    deps.db,
    run.id,
    req.datasets.map((d) => ({
      name: d.dataset.name,
      digest: d.dataset.digest,
      sourceType: d.dataset.source_type,
      source: d.dataset.source,
      schema: d.dataset.schema ?? null,
      profile: d.dataset.profile ?? null,
      tags: d.tags,
    })),
  );
  return {};
};
