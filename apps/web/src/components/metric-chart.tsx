"use client";
/** A canvas line chart (uPlot) of several series over steps; redraws in place as points stream in. */
import { useEffect, useRef } from "react";
import type uPlot from "uplot";
import { alignSeries, type Series } from "@/lib/series";

export type ChartLine = { label: string; series: Series; color: string; dash?: number[]; width?: number };

/** 300000 → "300k", 0.00012 → "1.2e-4": tick labels that fit a narrow axis. */
const compactTick = (v: number): string =>
  Math.abs(v) >= 1e4
    ? new Intl.NumberFormat("en", { notation: "compact", maximumSignificantDigits: 3 }).format(v)
    : Math.abs(v) > 0 && Math.abs(v) < 1e-3
      ? v.toExponential(1)
      : String(Number(v.toPrecision(4)));

const cssVar = (name: string) => getComputedStyle(document.documentElement).getPropertyValue(name).trim();

export function MetricChart({
  title,
  lines,
  yLabel,
  height = 260,
  testId,
}: {
  title: string;
  lines: ChartLine[];
  yLabel?: string;
  height?: number;
  testId?: string;
}) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const shape = lines.map((l) => l.label).join("|");
  const data = alignSeries(lines.map((l) => l.series));
  const points = data[0].length;

  // (Re)create the plot when the set of lines changes or the theme flips.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `shape` stands for the lines' identity
  useEffect(() => {
    let disposed = false;
    let ro: ResizeObserver | null = null;
    const build = async () => {
      const { default: UPlot } = await import("uplot");
      if (disposed || !host.current) return;
      plot.current?.destroy();
      const axisStroke = cssVar("--muted");
      const grid = { stroke: cssVar("--border"), width: 1 };
      const opts: uPlot.Options = {
        width: host.current.clientWidth || 600,
        height,
        scales: { x: { time: false } },
        axes: [
          { stroke: axisStroke, grid, ticks: grid, label: "step" },
          {
            stroke: axisStroke,
            grid,
            ticks: grid,
            label: yLabel,
            size: 56,
            values: (_u, splits) => splits.map(compactTick),
          },
        ],
        series: [
          { label: "step" },
          ...lines.map((l) => ({
            label: l.label,
            stroke: l.color,
            width: l.width ?? 2,
            dash: l.dash,
            spanGaps: true,
          })),
        ],
        cursor: { drag: { x: true, y: false } },
        legend: { live: true },
      };
      plot.current = new UPlot(opts, alignSeries(lines.map((l) => l.series)), host.current);
      ro = new ResizeObserver(() => {
        if (host.current && plot.current) plot.current.setSize({ width: host.current.clientWidth, height });
      });
      ro.observe(host.current);
    };
    void build();
    const onTheme = () => void build();
    window.addEventListener("actlab-theme", onTheme);
    return () => {
      disposed = true;
      window.removeEventListener("actlab-theme", onTheme);
      ro?.disconnect();
      plot.current?.destroy();
      plot.current = null;
    };
  }, [shape, height, yLabel]);

  // New points: update the data without rebuilding the chart.
  useEffect(() => {
    plot.current?.setData(data);
  });

  return (
    <div className="panel" data-testid={testId} data-points={points}>
      <div className="chart-title">
        <h2>{title}</h2>
        <span className="muted num">{points} points</span>
      </div>
      {points === 0 ? (
        <div className="empty" style={{ height }}>
          Waiting for the first points…
        </div>
      ) : null}
      <div ref={host} className="chart" style={{ display: points === 0 ? "none" : "block" }} />
    </div>
  );
}
