/** Actlab records rendered as MLflow's response messages (protobuf JSON: snake_case, int64 as numbers). */
import type { RunStatus } from "@actlab/core";
import type { ExperimentRecord, HistoryPoint, TrackedRun } from "@actlab/db";
import type { MlflowRunStatus } from "./schemas/runs";

/** Where a run's artifacts live, in MLflow's proxied-artifact scheme. */
export const artifactUri = (experimentId: string, runId: string) =>
  `mlflow-artifacts:/${experimentId}/${runId}/artifacts`;

export const TO_MLFLOW_STATUS: Record<RunStatus, MlflowRunStatus> = {
  QUEUED: "SCHEDULED",
  RUNNING: "RUNNING",
  COMPLETED: "FINISHED",
  FAILED: "FAILED",
  DIVERGED: "FAILED",
  CANCELED: "KILLED",
};

/** Non-finite points are stored as null: MLflow's JSON spells them as the string "NaN". */
export const metricValue = (v: number | null): number | string => (v === null ? "NaN" : v);

export function renderExperiment(e: ExperimentRecord, defaultProjectId: string | null) {
  const id = experimentIdOf(e.id, defaultProjectId);
  return {
    experiment_id: id,
    name: e.name,
    artifact_location: `mlflow-artifacts:/${id}`,
    lifecycle_stage: e.deletedAt ? "deleted" : "active",
    creation_time: e.createdAt.getTime(),
    last_update_time: e.createdAt.getTime(),
    tags: e.tags,
  };
}

/** The workspace's default project is MLflow's experiment "0"; every other project is its own id. */
export const experimentIdOf = (projectId: string, defaultProjectId: string | null) =>
  projectId === defaultProjectId ? "0" : projectId;

export function renderRunInfo(r: TrackedRun, defaultProjectId: string | null) {
  const experimentId = experimentIdOf(r.projectId, defaultProjectId);
  return {
    run_id: r.id,
    run_uuid: r.id,
    run_name: r.name,
    experiment_id: experimentId,
    user_id: r.sourceUser ?? "",
    status: TO_MLFLOW_STATUS[r.status],
    start_time: (r.startedAt ?? r.createdAt).getTime(),
    ...(r.finishedAt ? { end_time: r.finishedAt.getTime() } : {}),
    artifact_uri: artifactUri(experimentId, r.id),
    lifecycle_stage: r.deletedAt ? "deleted" : "active",
  };
}

export function renderRun(r: TrackedRun, defaultProjectId: string | null) {
  return {
    info: renderRunInfo(r, defaultProjectId),
    data: {
      metrics: r.metrics.map((m) => ({
        key: m.key,
        value: metricValue(m.value),
        timestamp: m.wallMs,
        step: m.step,
      })),
      params: r.params,
      tags: r.tags,
    },
    inputs: {
      dataset_inputs: r.inputs.map((i) => ({
        tags: i.tags,
        dataset: {
          name: i.name,
          digest: i.digest,
          source_type: i.sourceType,
          source: i.source,
          ...(i.schema !== null ? { schema: i.schema } : {}),
          ...(i.profile !== null ? { profile: i.profile } : {}),
        },
      })),
    },
  };
}

export const renderPoint = (key: string, p: HistoryPoint) => ({
  key,
  value: metricValue(p.value),
  timestamp: p.wallMs,
  step: p.step,
});
