"use client";
/** Parallel coordinates on a canvas: each run a line through its hyperparameters to the chosen metric. */
import Link from "next/link";
import { useEffect, useMemo, useRef } from "react";
import { observeRedraw } from "@/lib/observe-redraw";
import { cssVar } from "@/lib/theme";
import { buildAxes, type PcRun, rampColor } from "./parallel-coords-model";

export function ParallelCoords({
  runs,
  metricKey,
  height = 320,
}: {
  runs: PcRun[];
  metricKey: string;
  height?: number;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const axes = useMemo(() => buildAxes(runs, metricKey), [runs, metricKey]);
  const higherIsBetter = /acc/.test(metricKey);

  useEffect(() => {
    const el = canvas.current;
    if (!el || axes.length < 2) return;
    const draw = () => {
      const dpr = window.devicePixelRatio || 1;
      const width = el.clientWidth;
      el.width = width * dpr;
      el.height = height * dpr;
      const ctx = el.getContext("2d");
      if (!ctx) return;
      ctx.scale(dpr, dpr);
      ctx.clearRect(0, 0, width, height);
      const pad = { l: 40, r: 60, t: 34, b: 24 };
      const xAt = (i: number) => pad.l + (i * (width - pad.l - pad.r)) / (axes.length - 1);
      const yAt = (p: number) => height - pad.b - p * (height - pad.t - pad.b);
      const metricAxis = axes[axes.length - 1];
      ctx.lineWidth = 1.4;
      for (const r of runs) {
        const t = metricAxis?.position(r.metric ?? undefined);
        ctx.strokeStyle =
          t === null || t === undefined ? "rgba(128,128,128,0.4)" : rampColor(t, higherIsBetter);
        ctx.globalAlpha = 0.75;
        ctx.beginPath();
        let pen = false;
        axes.forEach((a, i) => {
          const p =
            a.key === metricKey && i === axes.length - 1
              ? a.position(r.metric ?? undefined)
              : a.position(r.params[a.key]);
          if (p === null) {
            pen = false;
            return;
          }
          if (pen) ctx.lineTo(xAt(i), yAt(p));
          else ctx.moveTo(xAt(i), yAt(p));
          pen = true;
        });
        ctx.stroke();
      }
      ctx.globalAlpha = 1;
      ctx.fillStyle = cssVar("--text");
      ctx.strokeStyle = cssVar("--muted");
      ctx.font = "12px system-ui, sans-serif";
      axes.forEach((a, i) => {
        const x = xAt(i);
        ctx.beginPath();
        ctx.moveTo(x, yAt(0));
        ctx.lineTo(x, yAt(1));
        ctx.stroke();
        ctx.textAlign = "center";
        ctx.fillText(a.key, x, 16);
        ctx.textAlign = "left";
        const ticks = a.kind === "category" ? a.categories.map((_, k) => k) : [a.min, a.max];
        for (const tv of ticks) {
          const p = a.kind === "category" ? tv / Math.max(1, a.categories.length - 1) : a.position(tv);
          if (p === null) continue;
          ctx.fillText(a.label(tv), x + 4, yAt(p) + 4);
        }
      });
    };
    return observeRedraw(el, draw);
  }, [axes, runs, metricKey, height, higherIsBetter]);

  return (
    <section className="panel">
      <div className="chart-title">
        <h2>Hyperparameters → final {metricKey}</h2>
        <span className="muted">colour: {higherIsBetter ? "yellow = highest" : "yellow = lowest"}</span>
      </div>
      {axes.length < 2 ? (
        <div className="empty">
          These runs share every hyperparameter but the seed: launch a <Link href="/sweeps/new">sweep</Link>{" "}
          that varies some.
        </div>
      ) : (
        <canvas ref={canvas} style={{ width: "100%", height }} data-testid="parallel-coords" />
      )}
    </section>
  );
}
