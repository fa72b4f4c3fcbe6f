/** The compare view's whole state lives in the URL, so a link reproduces the view; parsed with zod. */
import { METRIC } from "@actlab/core";
import { z } from "zod";

export const X_AXES = ["step", "epoch", "wall", "relative"] as const;
export const BANDS = ["std", "sem", "ci95"] as const;

/** One end of a zoom: a finite number, or absent when missing or malformed. */
const ZZoomBound = z.string().trim().min(1).transform(Number).pipe(z.number()).optional().catch(undefined);

const csv = z
  .string()
  .optional()
  .transform((s) => (s ? s.split(",").filter(Boolean) : []));

export const ZCompareState = z
  .object({
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
    /** The zoomed x range, in the x axis' units; kept only as a pair with from < to. */
    from: ZZoomBound,
    to: ZZoomBound,
  })
  .transform(({ from, to, ...view }) => ({
    ...view,
    zoom: from !== undefined && to !== undefined && from < to ? { from, to } : null,
  }));
export type CompareState = z.output<typeof ZCompareState>;
export type Zoom = NonNullable<CompareState["zoom"]>;

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
  if (s.zoom) {
    q.set("from", String(s.zoom.from));
    q.set("to", String(s.zoom.to));
  }
  return q.toString();
}

/** A change to the view: a zoom is in the x axis' units, so switching the axis drops it. */
export function patchCompareState(s: CompareState, patch: Partial<CompareState>): CompareState {
  const axisChanged = patch.x !== undefined && patch.x !== s.x;
  return { ...s, ...(axisChanged ? { zoom: null } : {}), ...patch };
}

/**
 * The zoom a drag selected, as the URL keeps it: steps widened to whole steps (the server reads whole
 * steps), other axes to a thousandth, so a link carries short numbers and the same view.
 */
export function zoomFromDrag(axis: CompareState["x"], range: { from: number; to: number }): Zoom | null {
  const zoom =
    axis === "step"
      ? { from: Math.floor(range.from), to: Math.ceil(range.to) }
      : { from: Math.round(range.from * 1000) / 1000, to: Math.round(range.to * 1000) / 1000 };
  return zoom.from < zoom.to ? zoom : null;
}

/** Buckets per series: the chart's width in pixels, in steps of 400 so the server can prefetch the same query. */
export function bucketsForWidth(width: number): number {
  return Math.min(4000, Math.max(400, Math.floor(width / 400) * 400));
}

/** What the page prefetches on the server for a 1,400 px window: the client asks the same and finds it cached. */
export const SERVER_BUCKETS = 1200;

/**
 * The runs.compare input for a view state: shared by the server prefetch and the client query. A zoom on
 * the step axis re-reads that range at full resolution; other axes zoom on what is loaded.
 */
export function compareQueryInput(s: CompareState, buckets: number) {
  return {
    runIds: s.runs,
    keys: [s.key],
    buckets,
    range: s.x === "step" && s.zoom ? s.zoom : undefined,
    // Envelopes only where a few runs are drawn one by one; wall times only for a time axis.
    extremes: s.group === "none" && s.runs.length <= 12,
    wall: s.x === "wall" || s.x === "relative",
  };
}
