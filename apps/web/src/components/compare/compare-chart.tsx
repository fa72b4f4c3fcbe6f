"use client";
/** The overlay chart: uPlot on canvas, mean lines with shaded bands, faint members, raw ghosts, log scale, drag-zoom. */
import { useRef } from "react";
import type uPlot from "uplot";
import { formatDurationTick, INTEGER_INCREMENTS } from "@/lib/axis-ticks";
import { alignSeries } from "@/lib/series";
import { themedAxis, useUPlot } from "@/lib/use-uplot";
import type { Line } from "./compare-model";

const withAlpha = (hex: string, alpha: number) => {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
};
const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string,
  );

/** The hover box: x, then each visible line's value (run names are user text: escaped). */
function showTooltip(u: uPlot, el: HTMLDivElement | null, built: Built, xLabel: string, hostWidth: number) {
  const idx = u.cursor.idx;
  if (!el) return;
  if (idx === null || idx === undefined) {
    el.style.display = "none";
    return;
  }
  const rows: string[] = [];
  built.lineOf.forEach((l, i) => {
    if (!l || l.kind === "member") return;
    const v = u.data[i]?.[idx];
    if (v === null || v === undefined) return;
    rows.push(
      `<div><span style="color:${escapeHtml(l.color)}">●</span> ${escapeHtml(l.label)}: <b>${Number(v).toPrecision(4)}</b></div>`,
    );
  });
  if (rows.length === 0) {
    el.style.display = "none";
    return;
  }
  el.innerHTML = `<div class="muted">${escapeHtml(xLabel)} ${Number(u.data[0][idx]).toPrecision(5)}</div>${rows.slice(0, 14).join("")}`;
  el.style.display = "block";
  el.style.left = `${Math.min((u.cursor.left ?? 0) + 70, hostWidth - 260)}px`;
  el.style.top = `${(u.cursor.top ?? 0) + 10}px`;
}

type Built = {
  data: uPlot.AlignedData;
  series: uPlot.Series[];
  bands: uPlot.Band[];
  lineOf: (Line | null)[];
};

function build(lines: Line[], logY: boolean): Built {
  const cols: { x: number[]; y: (number | null)[] }[] = [];
  const series: uPlot.Series[] = [{ label: "x" }];
  const bands: uPlot.Band[] = [];
  const lineOf: (Line | null)[] = [null];
  // Many overlaid runs read better as hairlines, which the canvas also draws several times faster.
  const runWidth = lines.filter((l) => l.kind === "run").length > 20 ? 1 : 1.8;
  // Log scales cannot show values ≤ 0: those become gaps rather than a broken axis.
  const clean = (y: (number | null)[]) => (logY ? y.map((v) => (v !== null && v > 0 ? v : null)) : y);
  for (const l of lines) {
    if (l.lo && l.hi) {
      cols.push({ x: l.x, y: clean(l.hi) }, { x: l.x, y: clean(l.lo) });
      series.push({ label: `${l.label} hi`, stroke: "transparent", width: 0, points: { show: false } });
      series.push({ label: `${l.label} lo`, stroke: "transparent", width: 0, points: { show: false } });
      lineOf.push(null, null);
      bands.push({ series: [series.length - 2, series.length - 1], fill: withAlpha(l.color, 0.16) });
    }
    cols.push({ x: l.x, y: clean(l.y) });
    const style =
      l.kind === "member"
        ? { stroke: withAlpha(l.color, 0.28), width: 1 }
        : l.kind === "raw"
          ? { stroke: withAlpha(l.color, 0.3), width: 1 }
          : { stroke: l.color, width: l.kind === "mean" ? 2.5 : runWidth };
    series.push({ label: l.label, ...style, spanGaps: true, points: { show: false } });
    lineOf.push(l);
  }
  const aligned = alignSeries(cols.map((c) => ({ steps: c.x, values: c.y })));
  return { data: aligned as uPlot.AlignedData, series, bands, lineOf };
}

export function CompareChart({
  lines,
  logY,
  xLabel,
  xKind,
  yLabel,
  height = 420,
  zoom,
  onZoom,
}: {
  lines: Line[];
  logY: boolean;
  xLabel: string;
  /** Counts (step, epoch) tick on whole numbers; times (seconds) read as durations. */
  xKind: "count" | "seconds";
  yLabel: string;
  height?: number;
  /** The x range to show, as the view state keeps it (null: all of the data). */
  zoom: { from: number; to: number } | null;
  /** The visible x range after a drag-zoom; null after a double-click reset. */
  onZoom?: (range: { from: number; to: number } | null) => void;
}) {
  const host = useRef<HTMLDivElement>(null);
  const tip = useRef<HTMLDivElement>(null);
  const zoomRef = useRef(onZoom);
  zoomRef.current = onZoom;

  // A drag-select sets this, so only zooms the user asked for re-query (not scale changes from new data).
  const userZoom = useRef(false);
  useUPlot(
    host,
    (width) => {
      // Built here, in the browser only: during server rendering it would align every series for nothing.
      const b = build(lines, logY);
      return {
        options: {
          width: width || 900,
          height,
          scales: { x: { time: false }, y: logY ? { distr: 3 } : {} },
          axes: [
            {
              ...themedAxis(),
              label: xLabel,
              ...(xKind === "count"
                ? { incrs: INTEGER_INCREMENTS }
                : { values: (_: uPlot, ticks: number[]) => ticks.map(formatDurationTick) }),
            },
            { ...themedAxis(), label: yLabel, size: 64 },
          ],
          series: b.series,
          bands: b.bands,
          legend: { show: false },
          cursor: { drag: { x: true, y: false }, points: { show: false } },
          hooks: {
            setSelect: [
              () => {
                userZoom.current = true;
              },
            ],
            setScale: [
              (u, key) => {
                if (key !== "x" || !userZoom.current) return;
                userZoom.current = false;
                const { min, max } = u.scales.x ?? {};
                if (min !== undefined && max !== undefined) zoomRef.current?.({ from: min, to: max });
              },
            ],
            setCursor: [(u) => showTooltip(u, tip.current, b, xLabel, host.current?.clientWidth ?? 900)],
          },
        },
        data: b.data,
      };
    },
    [lines, height, logY, xLabel, xKind, yLabel, zoom?.from, zoom?.to],
    (plot) => {
      // Set after creation, not as the scale's range: the data's own extent stays what a reset returns to.
      if (zoom) plot.setScale("x", { min: zoom.from, max: zoom.to });
      plot.over.addEventListener("dblclick", () => zoomRef.current?.(null));
    },
  );

  return (
    <div style={{ position: "relative" }}>
      <div ref={host} className="chart" data-testid="compare-chart" data-lines={lines.length} />
      <div ref={tip} className="chart-tip" style={{ display: "none" }} />
    </div>
  );
}
