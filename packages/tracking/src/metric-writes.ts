/**
 * Metric points from a client, written exactly as the trainer writes its own: appendMetrics (idempotent
 * on run, key, step; summaries in the same transaction), then one live event for open pages.
 */
import { appendMetrics, type MetricPoint } from "@actlab/db";
import { publishRunEvent } from "@actlab/queue";
import type { TrackingDeps } from "./context";

export type ClientMetric = { key: string; value: number; step: number; timestamp?: number };

export async function writeMetrics(deps: TrackingDeps, runId: string, metrics: readonly ClientMetric[]) {
  if (metrics.length === 0) return;
  const now = Date.now();
  const points: MetricPoint[] = metrics.map((m) => ({
    key: m.key,
    step: m.step,
    value: m.value,
    wallMs: m.timestamp ?? now,
  }));
  await appendMetrics(deps.db, runId, points);
  // Live events are JSON, which has no NaN: a non-finite point reaches the page on its next reload.
  const live = points.filter((p) => Number.isFinite(p.value));
  if (live.length > 0) await publishRunEvent(deps.redis, { type: "metrics", runId, points: live });
}
