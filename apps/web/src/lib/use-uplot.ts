"use client";
/**
 * The lifecycle every uPlot chart here shares: build the plot at the host's width, follow that width, rebuild when the theme flips (axis colours come from CSS variables),
 * destroy on unmount. Each chart only says how to build its options and data.
 */
import { type RefObject, useEffect, useRef } from "react";
// A static import: uPlot is safe to import on the server, and shipping it with the page saves the
// round trip a lazy chunk would add before the first draw.
import uPlot from "uplot";
import { cssVar } from "./theme";

/** Axis colours of the current theme. */
export function themedAxis(): Pick<uPlot.Axis, "stroke" | "grid" | "ticks"> {
  const line = { stroke: cssVar("--border"), width: 1 };
  return { stroke: cssVar("--muted"), grid: line, ticks: line };
}

/** A line's look in uPlot: its colour, width (2 unless given), dash, and gaps spanned. */
export function lineSeries(l: {
  label: string;
  color: string;
  width?: number;
  dash?: number[];
}): uPlot.Series {
  return { label: l.label, stroke: l.color, width: l.width ?? 2, dash: l.dash, spanGaps: true };
}

export type PlotBuild = (width: number) => { options: uPlot.Options; data: uPlot.AlignedData };

/** Returns the live plot (null until built). `deps` decide when to rebuild rather than update in place. */
export function useUPlot(
  host: RefObject<HTMLDivElement | null>,
  build: PlotBuild,
  deps: readonly unknown[],
  onCreate?: (plot: uPlot) => void,
): RefObject<uPlot | null> {
  const plot = useRef<uPlot | null>(null);
  const buildRef = useRef(build);
  buildRef.current = build;
  const createRef = useRef(onCreate);
  createRef.current = onCreate;

  useEffect(() => {
    let disposed = false;
    let ro: ResizeObserver | null = null;
    const make = () => {
      const el = host.current;
      if (disposed || !el) return;
      plot.current?.destroy();
      const { options, data } = buildRef.current(el.clientWidth || 600);
      const created = new uPlot(options, data, el);
      plot.current = created;
      createRef.current?.(created);
      ro?.disconnect();
      ro = new ResizeObserver(() => {
        if (host.current) created.setSize({ width: host.current.clientWidth, height: options.height });
      });
      ro.observe(el);
    };
    make();
    const onTheme = () => make();
    window.addEventListener("actlab-theme", onTheme);
    return () => {
      disposed = true;
      window.removeEventListener("actlab-theme", onTheme);
      ro?.disconnect();
      plot.current?.destroy();
      plot.current = null;
    };
    // The caller's deps say when the plot's shape changed; data alone updates in place (setData).
    // biome-ignore lint/correctness/useExhaustiveDependencies: a list the caller owns
  }, deps);
  return plot;
}
