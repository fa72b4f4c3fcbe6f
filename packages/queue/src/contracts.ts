/** Job payloads and live events, as zod schemas: every consumer parses before it acts. */
import { ZRunStatus } from "@actlab/core";
import { z } from "zod";

export const ZTrainJob = z.object({
  runId: z.string().min(1, "runId is required").max(64),
  /** The run's attempt this job trains (a new run's is 0, each retry adds one); stale attempts stop. */
  attempt: z.number().int().min(0).default(0),
  /** CODE_VERSION of the web server that queued it; a job queued before versions existed has none. */
  version: z.string().max(64).optional(),
});
/** As stored: a job queued before attempts existed has none. */
export type TrainJob = z.input<typeof ZTrainJob>;

export const ZMetricPoint = z.object({
  key: z.string(),
  step: z.number().int(),
  value: z.number(),
  wallMs: z.number(),
});
export type MetricPoint = z.infer<typeof ZMetricPoint>;

export const ZRunProgress = z.object({
  epoch: z.number().int(),
  epochs: z.number().int(),
  step: z.number().int(),
  totalSteps: z.number().int(),
  samplesPerSec: z.number(),
  etaSec: z.number().nullable(),
});
export type RunProgress = z.infer<typeof ZRunProgress>;

export const ZRunEvent = z.discriminatedUnion("type", [
  z.object({ type: z.literal("metrics"), runId: z.string(), points: z.array(ZMetricPoint) }),
  z.object({
    type: z.literal("status"),
    runId: z.string(),
    status: ZRunStatus,
    error: z.string().nullable().optional(),
  }),
  z.object({ type: z.literal("progress"), runId: z.string(), progress: ZRunProgress }),
  // A small network's weights as its epoch ends, so a live page draws them without asking; their shape is
  // checked where they leave for a browser (the api), as stored weights are.
  z.object({
    type: z.literal("weights"),
    runId: z.string(),
    epoch: z.number().int(),
    step: z.number().int(),
    weights: z.unknown(),
  }),
]);
export type RunEvent = z.infer<typeof ZRunEvent>;

/** The most numbers (weights, biases, learned activation parameters) a weights event carries; larger networks' pages ask. */
export const LIVE_WEIGHTS_MAX_VALUES = 20_000;
