/** Request bodies of MLflow's run and metric endpoints. `run_uuid` is the older name of `run_id`. */
import { z } from "zod";
import { LIMITS, zInt64, zKey, zKeyValue, zList, zMaxResults, zMetricValue } from "./primitives";

const zRunIdValue = z.string().min(1).max(64);
const zRequiredRunId = z
  .string({
    error: (iss) =>
      iss.input === undefined ? "Missing value for required parameter 'run_id'." : "must be a string",
  })
  .min(1)
  .max(64);

/** Older clients send `run_uuid`: it is read as `run_id` when that is absent. */
function runIdAlias(v: unknown): unknown {
  if (typeof v !== "object" || v === null) return v;
  const o = v as Record<string, unknown>;
  return o.run_id === undefined && o.run_uuid !== undefined ? { ...o, run_id: o.run_uuid } : o;
}

export function withRunId<T extends z.ZodRawShape>(shape: T) {
  return z.preprocess(runIdAlias, z.object({ run_id: zRequiredRunId, ...shape }));
}

export const RUN_STATUSES = ["RUNNING", "SCHEDULED", "FINISHED", "FAILED", "KILLED"] as const;
export type MlflowRunStatus = (typeof RUN_STATUSES)[number];

export const ZCreateRun = z.object({
  experiment_id: z.string().min(1).max(64).default("0"),
  user_id: z.string().max(256).optional(),
  run_name: z.string().max(LIMITS.keyLength).optional(),
  start_time: zInt64.optional(),
  tags: z.array(zKeyValue(LIMITS.tagValueLength)).max(100).default([]),
});

export const ZRunById = withRunId({});

export const ZUpdateRun = withRunId({
  status: z.enum(RUN_STATUSES).optional(),
  end_time: zInt64.optional(),
  run_name: z.string().max(LIMITS.keyLength).optional(),
});

export const ZMetric = z.object({
  key: zKey,
  value: zMetricValue,
  timestamp: zInt64.optional(),
  step: zInt64.default(0),
});
export const ZParam = z.object({ key: zKey, value: z.string().max(LIMITS.paramValueLength) });
export const ZTag = z.object({ key: zKey, value: z.string().max(LIMITS.tagValueLength) });

export const ZLogMetric = withRunId(ZMetric.shape);
export const ZLogParam = withRunId(ZParam.shape);
export const ZSetTag = withRunId(ZTag.shape);
export const ZDeleteTag = withRunId({ key: zKey });

/** Counted (and refused with MLflow's messages) before the per-item schemas run. */
export const ZLogBatch = withRunId({
  metrics: z.array(ZMetric).default([]),
  params: z.array(ZParam).default([]),
  tags: z.array(ZTag).default([]),
});

const zDataset = z.object({
  name: z.string().min(1).max(500),
  digest: z.string().min(1).max(36),
  source_type: z.string().min(1).max(36),
  source: z.string().max(65_535),
  schema: z.string().max(1_048_576).optional(),
  profile: z.string().max(16_384).optional(),
});
export const ZLogInputs = withRunId({
  datasets: z
    .array(z.object({ tags: z.array(zKeyValue(500)).default([]), dataset: zDataset }))
    .max(1000)
    .default([]),
});

export const ZSearchRuns = z.object({
  experiment_ids: zList(z.string().min(1).max(64)).default([]),
  filter: z.string().max(10_000).optional(),
  run_view_type: z.enum(["ACTIVE_ONLY", "DELETED_ONLY", "ALL"]).default("ACTIVE_ONLY"),
  max_results: zMaxResults(LIMITS.maxSearchResults).default(1000),
  order_by: zList(z.string().max(500)).default([]),
  page_token: z.string().max(1000).optional(),
});

export const ZGetMetricHistory = withRunId({
  metric_key: zKey,
  page_token: z.string().max(1000).optional(),
  max_results: zMaxResults(25_000).default(25_000),
});

export const ZGetMetricHistoryBulkInterval = z.object({
  run_ids: zList(zRunIdValue).refine(
    (ids) => ids.length >= 1 && ids.length <= 100,
    "between 1 and 100 run ids",
  ),
  metric_key: zKey,
  start_step: zInt64.optional(),
  end_step: zInt64.optional(),
  max_results: zMaxResults(2500).default(320),
});
