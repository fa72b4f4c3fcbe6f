/**
 * Turns a comparison (runs, downsampled series) and the view state into chart lines: one mean line and
 * band per group with its members drawn faintly, or one line per run; smoothing keeps the raw as a ghost.
 */
import { aggregateSeries, type Band, debiasedEma, describe } from "@actlab/analysis";
import type { RouterOutputs } from "@actlab/api";
import { METRIC } from "@actlab/core";
import { formatDurationTick } from "@/lib/axis-ticks";
import type { Zoom } from "@/lib/compare-state";
import { formatMetric } from "@/lib/format";
import { colorOf } from "@/lib/palette";

/** What grouping and labels need of a compared run. */
export type CompareRun = Pick<
  RouterOutputs["runs"]["compare"]["runs"][number],
  "id" | "name" | "status" | "params"
>;
export type CompareSeriesIn = {
  runId: string;
  key: string;
  steps: number[];
  values: (number | null)[];
  /** Per-bucket extremes, when the server sent them (a few runs drawn one by one). */
  min?: (number | null)[] | null;
  max?: (number | null)[] | null;
  /** Wall-clock ms per point, when a time axis needs them (always for the `epoch` series). */
  wallMs: number[] | null;
};

export type XAxis = "step" | "epoch" | "wall" | "relative";

export type Line = {
  label: string;
  group: string;
  kind: "mean" | "member" | "run" | "raw";
  color: string;
  x: number[];
  y: (number | null)[];
  /** For a mean line: the band around it. */
  lo?: (number | null)[];
  hi?: (number | null)[];
};

export type GroupStats = {
  group: string;
  color: string;
  runs: number;
  last: ReturnType<typeof describe>;
  best: number | null;
};

/** Interpolates a step → epoch map (the run's `epoch` series: epoch k ends at step s_k). */
function stepsToEpochs(steps: number[], epochMap: CompareSeriesIn | undefined): number[] {
  if (!epochMap || epochMap.steps.length === 0) return steps.map(() => Number.NaN);
  const es = epochMap.steps;
  const ev = epochMap.values as number[];
  return steps.map((s) => {
    if (s <= (es[0] as number)) return ((ev[0] as number) * s) / Math.max(1, es[0] as number);
    let i = 1;
    while (i < es.length && (es[i] as number) < s) i++;
    if (i >= es.length) return ev[ev.length - 1] as number;
    const [s0, s1, e0, e1] = [es[i - 1] as number, es[i] as number, ev[i - 1] as number, ev[i] as number];
    return e0 + ((e1 - e0) * (s - s0)) / (s1 - s0);
  });
}

function xValues(series: CompareSeriesIn, axis: XAxis, epochMap?: CompareSeriesIn): number[] {
  switch (axis) {
    case "step":
      return series.steps;
    case "epoch":
      return stepsToEpochs(series.steps, epochMap);
    case "wall":
      return (series.wallMs ?? []).map((w) => w / 1000);
    case "relative": {
      const t0 = epochMap?.wallMs?.[0] ?? series.wallMs?.[0] ?? 0;
      return (series.wallMs ?? []).map((w) => (w - t0) / 1000);
    }
  }
}

export function groupOf(run: CompareRun, group: string): string {
  if (group === "none") return run.name;
  const v = run.params[group];
  return v === undefined ? "(unset)" : String(v);
}

/** The last value whose x lies in the zoom (inclusive), or the last of all without one. */
function lastInRange(x: number[], y: (number | null)[], zoom: Zoom | null): number | null {
  for (let i = y.length - 1; i >= 0; i--) {
    const v = y[i];
    const at = x[i] as number;
    if (v === null || v === undefined) continue;
    if (!zoom || (at >= zoom.from && at <= zoom.to)) return v;
  }
  return null;
}

const ZOOM_UNITS: Record<XAxis, { name: string; format: (v: number) => string }> = {
  step: { name: "steps", format: (v) => String(Math.round(v)) },
  epoch: { name: "epochs", format: (v) => formatMetric(v, 3) },
  wall: { name: "wall time", format: (v) => new Date(v * 1000).toLocaleTimeString("en-GB") },
  relative: { name: "time since start", format: formatDurationTick },
};

/** What the summary table covers: "steps 120–480 (zoomed)", or the whole runs. */
export function summaryScope(axis: XAxis, zoom: Zoom | null): string {
  if (!zoom) return "whole runs";
  const { name, format } = ZOOM_UNITS[axis];
  return `${name} ${format(zoom.from)}–${format(zoom.to)} (zoomed)`;
}

export function buildLines(input: {
  runs: CompareRun[];
  series: CompareSeriesIn[];
  key: string;
  x: XAxis;
  group: string;
  band: Band;
  smooth: number;
  members: boolean;
  hide: string[];
  /** The zoomed x range: the summary reads only the points inside it, as the chart shows only those. */
  zoom: Zoom | null;
}): { lines: Line[]; stats: GroupStats[] } {
  const byRun = new Map(input.runs.map((r) => [r.id, r]));
  const epochMaps = new Map(input.series.filter((s) => s.key === METRIC.epoch).map((s) => [s.runId, s]));
  const wanted = input.series.filter((s) => s.key === input.key && byRun.has(s.runId));
  const groups = new Map<string, CompareSeriesIn[]>();
  for (const s of wanted) {
    const g = groupOf(byRun.get(s.runId) as CompareRun, input.group);
    groups.set(g, [...(groups.get(g) ?? []), s]);
  }
  const names = [...groups.keys()].sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
  const smooth = (y: (number | null)[]) => (input.smooth > 0 ? debiasedEma(y, input.smooth) : y);
  const lines: Line[] = [];
  const stats: GroupStats[] = [];
  const higherIsBetter = /acc/.test(input.key);
  names.forEach((g, gi) => {
    const color = colorOf(gi);
    const members = (groups.get(g) ?? []).map((s) => ({
      runId: s.runId,
      x: xValues(s, input.x, epochMaps.get(s.runId)),
      y: s.values,
      min: s.min ?? undefined,
      max: s.max ?? undefined,
    }));
    const lastValues = members.map((m) => lastInRange(m.x, m.y, input.zoom));
    const finite = lastValues.filter((v): v is number => v !== null);
    stats.push({
      group: g,
      color,
      runs: members.length,
      last: describe(lastValues),
      best: finite.length ? (higherIsBetter ? Math.max(...finite) : Math.min(...finite)) : null,
    });
    if (input.hide.includes(g)) return;
    const single = input.group === "none" || members.length === 1;
    if (single) {
      for (const m of members) {
        if (input.smooth > 0)
          lines.push({ label: `${g} (raw)`, group: g, kind: "raw", color, x: m.x, y: m.y });
        // The bucket's min–max envelope shows what downsampling folded away (spikes stay visible).
        const envelope = input.smooth === 0 && m.min && m.max ? { lo: m.min, hi: m.max } : {};
        lines.push({ label: g, group: g, kind: "run", color, x: m.x, y: smooth(m.y), ...envelope });
      }
      return;
    }
    if (input.members) {
      for (const m of members)
        lines.push({
          label: `${g} · ${m.runId.slice(0, 6)}`,
          group: g,
          kind: "member",
          color,
          x: m.x,
          y: smooth(m.y),
        });
    }
    const agg = aggregateSeries(
      members.map((m) => ({ x: m.x, y: m.y })),
      input.band,
    );
    if (input.smooth > 0)
      lines.push({ label: `${g} mean (raw)`, group: g, kind: "raw", color, x: agg.x, y: agg.mean });
    lines.push({
      label: `${g} mean`,
      group: g,
      kind: "mean",
      color,
      x: agg.x,
      y: smooth(agg.mean),
      lo: smooth(agg.lo),
      hi: smooth(agg.hi),
    });
  });
  return { lines, stats };
}
