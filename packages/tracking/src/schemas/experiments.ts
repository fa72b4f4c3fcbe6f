/** Request bodies of MLflow's experiment endpoints (snake_case, as the protobuf JSON names them). */
import { z } from "zod";
import { LIMITS, zKey, zKeyValue, zList, zMaxResults } from "./primitives";

const zExperimentId = z.string().min(1).max(64);
const zName = z.string().trim().min(1, "must not be empty").max(LIMITS.experimentNameLength);

export const ZCreateExperiment = z.object({
  name: zName,
  artifact_location: z.string().max(2000).optional(),
  tags: z.array(zKeyValue(LIMITS.tagValueLength)).max(100).default([]),
});

export const ZExperimentById = z.object({ experiment_id: zExperimentId });
export const ZExperimentByName = z.object({ experiment_name: zName });

export const ZViewType = z.enum(["ACTIVE_ONLY", "DELETED_ONLY", "ALL"]).default("ACTIVE_ONLY");

export const ZSearchExperiments = z.object({
  max_results: zMaxResults(LIMITS.maxSearchResults).default(1000),
  page_token: z.string().max(1000).optional(),
  filter: z.string().max(10_000).optional(),
  order_by: zList(z.string().max(500)).default([]),
  view_type: ZViewType,
});

export const ZListExperiments = z.object({
  view_type: ZViewType,
  max_results: zMaxResults(LIMITS.maxSearchResults).optional(),
  page_token: z.string().max(1000).optional(),
});

export const ZUpdateExperiment = z.object({ experiment_id: zExperimentId, new_name: zName });

export const ZSetExperimentTag = z.object({
  experiment_id: zExperimentId,
  key: zKey,
  value: z.string().max(LIMITS.tagValueLength),
});
