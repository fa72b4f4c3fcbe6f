/** The compare view's whole state lives in the URL, so a link reproduces the view; parsed with zod. */
import { METRIC } from "@actlab/core";
import { z } from "zod";

export const X_AXES = ["step", "epoch", "wall", "relative"] as const;
export const BANDS = ["std", "sem", "ci95"] as const;

const csv = z
  .string()
  .optional()
  .transform((s) => (s ? s.split(",").filter(Boolean) : []));

export const ZCompareState = z.object({
  runs: csv,
  key: z.string().min(1).catch(METRIC.valAcc),
  x: z.enum(X_AXES).catch("step"),
  log: z
    .enum(["0", "1"])
    .catch("0")
    .transform((v) => v === "1"),
  /** A param key to group by ("activation", "lr", …), or "none" for one line per run. */
  group: z.string().min(1).catch("activation"),
  band: z.enum(BANDS).catch("std"),
  /** Debiased EMA weight in [0, 0.99]; 0 = raw. */
  smooth: z.coerce.number().min(0).max(0.99).catch(0),
  /** Draw each group's members faintly behind its mean. */
  members: z
    .enum(["0", "1"])
    .catch("1")
    .transform((v) => v === "1"),
  /** Groups hidden from the chart. */
  hide: csv,
});
export type CompareState = z.output<typeof ZCompareState>;

export function parseCompareState(params: URLSearchParams): CompareState {
  return ZCompareState.parse(Object.fromEntries(params.entries()));
}

export function compareStateToQuery(s: CompareState): string {
  const q = new URLSearchParams();
  q.set("runs", s.runs.join(","));
  q.set("key", s.key);
  q.set("x", s.x);
  if (s.log) q.set("log", "1");
  q.set("group", s.group);
  q.set("band", s.band);
  if (s.smooth > 0) q.set("smooth", String(s.smooth));
  if (!s.members) q.set("members", "0");
  if (s.hide.length) q.set("hide", s.hide.join(","));
  return q.toString();
}

/** Buckets per series: the chart's width in pixels, in steps of 400 so the server can prefetch the same query. */
export function bucketsForWidth(width: number): number {
  return Math.min(4000, Math.max(400, Math.floor(width / 400) * 400));
}

/** What the page prefetches on the server for a 1,400 px window: the client asks the same and finds it cached. */
export const SERVER_BUCKETS = 1200;

/** The runs.compare input for a view state: shared by the server prefetch and the client query. */
export function compareQueryInput(s: CompareState, buckets: number, range?: { from: number; to: number }) {
  return {
    runIds: s.runs,
    keys: [s.key],
    buckets,
    range: s.x === "step" ? range : undefined,
    // Envelopes only where a few runs are drawn one by one; wall times only for a time axis.
    extremes: s.group === "none" && s.runs.length <= 12,
    wall: s.x === "wall" || s.x === "relative",
  };
}
