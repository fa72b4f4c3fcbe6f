"use client";
/** A canvas line chart (uPlot) of several series over steps; redraws in place as points stream in. */
import { useEffect, useRef } from "react";
import { alignSeries, type Series } from "@/lib/series";
import { lineSeries, themedAxis, useUPlot } from "@/lib/use-uplot";

export type ChartLine = { label: string; series: Series; color: string; dash?: number[]; width?: number };

/** 300000 → "300k", 0.00012 → "1.2e-4": tick labels that fit a narrow axis. */
const compactTick = (v: number): string =>
  Math.abs(v) >= 1e4
    ? new Intl.NumberFormat("en", { notation: "compact", maximumSignificantDigits: 3 }).format(v)
    : Math.abs(v) > 0 && Math.abs(v) < 1e-3
      ? v.toExponential(1)
      : String(Number(v.toPrecision(4)));

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
  const shape = lines.map((l) => l.label).join("|");
  const data = alignSeries(lines.map((l) => l.series));
  const points = data[0].length;

  // Rebuilt when the set of lines changes (or the theme flips); new points update it in place below.
  const plot = useUPlot(
    host,
    (width) => ({
      options: {
        width,
        height,
        scales: { x: { time: false } },
        axes: [
          { ...themedAxis(), label: "step" },
          { ...themedAxis(), label: yLabel, size: 56, values: (_u, splits) => splits.map(compactTick) },
        ],
        series: [{ label: "step" }, ...lines.map(lineSeries)],
        cursor: { drag: { x: true, y: false } },
        legend: { live: true },
      },
      data,
    }),
    [shape, height, yLabel],
  );

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
