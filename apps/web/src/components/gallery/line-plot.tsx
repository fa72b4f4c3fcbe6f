"use client";
/**
 * A small uPlot line chart over any numeric x (activation curves, per-epoch diagnostics): optional log y,
 * reference lines, follows the theme and its container's width. MetricChart is the step-axis panel version.
 */
import { useEffect, useRef } from "react";
import type uPlot from "uplot";
import { lineSeries, themedAxis, useUPlot } from "@/lib/use-uplot";
import { formatTick } from "./ticks";

export type PlotLine = {
  label: string;
  values: (number | null)[];
  color: string;
  dash?: number[];
  width?: number;
};
export type RefLine = { label: string; value: number; color: string };

/** uPlot's data: x then one array per line, reference lines as constants; log scales cannot show y ≤ 0. */
function plotData(x: number[], lines: PlotLine[], refs: RefLine[], logY: boolean): uPlot.AlignedData {
  const ys = lines.map((l) =>
    l.values.map((v) => (v === null || !Number.isFinite(v) || (logY && v <= 0) ? null : v)),
  );
  return [x, ...ys, ...refs.map((r) => x.map(() => r.value))];
}

export function LinePlot({
  x,
  lines,
  refs = [],
  height = 180,
  xLabel,
  yLabel,
  logY = false,
  legend = true,
  yRange,
  testId,
}: {
  x: number[];
  lines: PlotLine[];
  refs?: RefLine[];
  height?: number;
  xLabel?: string;
  yLabel?: string;
  logY?: boolean;
  legend?: boolean;
  /** Fixed y bounds from the data's (min, max), e.g. percentages from 0. */
  yRange?: (min: number, max: number) => [number, number];
  testId?: string;
}) {
  const host = useRef<HTMLDivElement>(null);
  const data = plotData(x, lines, refs, logY);
  const dataRef = useRef(data);
  dataRef.current = data;
  const shape = [
    ...lines.map((l) => `${l.label}:${l.color}:${l.dash ?? ""}`),
    ...refs.map((r) => r.label),
  ].join("|");
  const yRangeRef = useRef(yRange);
  yRangeRef.current = yRange;

  const plot = useUPlot(
    host,
    (width) => ({
      options: {
        width: width || 300,
        height,
        legend: { show: legend, live: true },
        scales: {
          x: { time: false },
          y: logY
            ? { distr: 3 }
            : {
                range: (_u, min, max) => yRangeRef.current?.(min, max) ?? [min, max === min ? min + 1 : max],
              },
        },
        axes: [
          { ...themedAxis(), label: xLabel, size: xLabel ? 44 : 30 },
          {
            ...themedAxis(),
            label: yLabel,
            size: 52,
            // uPlot's default labels round 1e-5 to "0" on a log axis; keep the exponent. Its log filter nulls
            // the crowded in-between ticks before they reach here.
            ...(logY
              ? {
                  values: (_u: uPlot, splits: (number | null)[]) =>
                    splits.map((v) => (v === null ? "" : formatTick(v))),
                }
              : {}),
          },
        ],
        series: [
          { label: xLabel ?? "x" },
          ...lines.map(lineSeries),
          ...refs.map((r) => ({ label: r.label, stroke: r.color, width: 1, dash: [4, 4] })),
        ],
        cursor: { drag: { x: false, y: false } },
      },
      data: dataRef.current,
    }),
    [shape, height, logY, legend, xLabel, yLabel],
  );

  // New data (points streamed in, another x range): update in place, rescaling the axes.
  useEffect(() => {
    plot.current?.setData(data);
  });

  return (
    <div
      ref={host}
      className="chart"
      style={{ minHeight: height }}
      data-testid={testId}
      data-points={x.length}
    />
  );
}
