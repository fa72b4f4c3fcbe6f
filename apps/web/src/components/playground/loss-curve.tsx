"use client";
/**
 * The playground's loss curve: train and validation loss per epoch on one canvas, over the run's whole
 * epoch range. Redrawn every frame, so it touches only canvas pixels and never the page's layout (uPlot
 * re-measures its axes and rewrites its legend on every update).
 */
import { useEffect, useRef } from "react";
import { clearedDeviceCanvas } from "@/lib/device-canvas";
import { formatMetric } from "@/lib/format";
import { observeRedraw } from "@/lib/observe-redraw";
import { colorOf } from "@/lib/palette";
import { cssVar } from "@/lib/theme";
import { curveScale, toCanvas } from "./loss-curve-scale";
import styles from "./playground.module.css";
import type { PlaygroundEpoch } from "./use-playground";

const HEIGHT = 180;
/** Room for the loss labels on the left and the epoch labels below, in CSS pixels. */
const AXIS = { left: 48, bottom: 18, top: 6, right: 8 };
const LINES = [
  { label: "train loss", pick: (e: PlaygroundEpoch) => e.trainLoss, color: colorOf(0) },
  { label: "val loss", pick: (e: PlaygroundEpoch) => e.valLoss, color: colorOf(1) },
] as const;

export function LossCurve({ history, epochs }: { history: PlaygroundEpoch[]; epochs: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const draw = useRef(() => {});
  draw.current = () => {
    if (canvas.current) paint(canvas.current, history, epochs);
  };
  useEffect(() => {
    const el = canvas.current;
    return el ? observeRedraw(el, () => draw.current()) : undefined;
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new history or range is what calls for a redraw
  useEffect(() => draw.current(), [history, epochs]);

  return (
    <div className={styles.curve} data-testid="playground-loss" data-points={history.length}>
      <canvas ref={canvas} style={{ height: HEIGHT }} aria-label="loss per epoch" />
      <div className="chart-key">
        {LINES.map((l) => (
          <span key={l.label}>
            <span className={styles.swatch} style={{ background: l.color }} />
            {l.label}
          </span>
        ))}
      </div>
    </div>
  );
}

function paint(el: HTMLCanvasElement, history: PlaygroundEpoch[], epochs: number) {
  const canvas = clearedDeviceCanvas(el);
  if (!canvas) return;
  const { ctx, width: w, height: h, dpr } = canvas;
  const x0 = AXIS.left * dpr;
  const y0 = AXIS.top * dpr;
  const pw = w - x0 - AXIS.right * dpr;
  const ph = h - y0 - AXIS.bottom * dpr;
  const values = LINES.map((l) => history.map(l.pick));
  const scale = curveScale(values, epochs);

  const muted = cssVar("--muted") || "#888";
  ctx.strokeStyle = cssVar("--border") || "#ddd";
  ctx.fillStyle = muted;
  ctx.lineWidth = dpr;
  ctx.font = `${11 * dpr}px system-ui, sans-serif`;
  ctx.textBaseline = "middle";
  for (const f of [0, 0.5, 1]) {
    const y = y0 + f * ph;
    ctx.beginPath();
    ctx.moveTo(x0, y);
    ctx.lineTo(x0 + pw, y);
    ctx.stroke();
    ctx.textAlign = "right";
    ctx.fillText(formatMetric(scale.hi - f * (scale.hi - scale.lo), 3), x0 - 6 * dpr, y);
  }
  ctx.textBaseline = "top";
  ctx.textAlign = "left";
  ctx.fillText("epoch 0", x0, y0 + ph + 4 * dpr);
  ctx.textAlign = "right";
  ctx.fillText(String(scale.epochs), x0 + pw, y0 + ph + 4 * dpr);

  ctx.lineWidth = 2 * dpr;
  LINES.forEach((line, i) => {
    const ys = values[i] as (number | null)[];
    ctx.strokeStyle = line.color;
    ctx.beginPath();
    let open = false;
    history.forEach((e, j) => {
      const v = ys[j];
      if (v === null || v === undefined || !Number.isFinite(v)) {
        open = false;
        return;
      }
      const [x, y] = toCanvas(scale, e.epoch, v, pw, ph);
      if (open) ctx.lineTo(x0 + x, y0 + y);
      else ctx.moveTo(x0 + x, y0 + y);
      open = true;
    });
    ctx.stroke();
  });
}
