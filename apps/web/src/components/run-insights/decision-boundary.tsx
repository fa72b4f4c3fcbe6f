"use client";
/**
 * The decision boundary of one epoch's weights: class probabilities over a grid around the data as a
 * translucent heatmap, the training (dots) and validation (diamonds) points on top, misclassified ones ringed.
 */
import { modelFromWeights, type SavedModel } from "@actlab/core";
import { useEffect, useMemo, useRef } from "react";
import { clearedDeviceCanvas } from "@/lib/device-canvas";
import { observeRedraw } from "@/lib/observe-redraw";
import { cssVar } from "@/lib/theme";
import { type Bounds, dataBounds, predictGrid, probabilitiesToImage } from "./boundary-grid";
import styles from "./insights.module.css";
import { CLASS_COLORS, classColor } from "./palette";
import { type ReproducedData, rawFeatures } from "./reproduce-data";

export const GRID_SIZE = 120;
const WARM_UP_ROWS = 256;
/** Points drawn per split at most: thousands more would bury the heatmap they sit on. */
const MAX_DRAWN = { train: 1500, validation: 750 };
/** Every k-th row, so at most `max` are drawn; the splits are shuffled, so that is a fair sample. */
const strideFor = (rows: number, max: number) => Math.max(1, Math.ceil(rows / max));
const drawnCount = (rows: number, max: number) => Math.ceil(rows / strideFor(rows, max));

type Points = { xy: Float32Array; labels: Int32Array; rows: number };
type Ready = Extract<ReproducedData, { ok: true }>;

export function DecisionBoundary({
  data,
  weights,
  validationPredicted,
  gridSize = GRID_SIZE,
}: {
  data: Ready;
  weights: SavedModel;
  /** Predicted class per validation row (from the confusion matrix), to ring the mistakes. */
  validationPredicted: Int32Array | null;
  /** Cells per side; a view that redraws every frame takes fewer. */
  gridSize?: number;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const { prepared, dataset } = data;
  const points = useMemo(() => {
    const part = (ds: typeof prepared.train | null): Points | null =>
      ds ? { xy: rawFeatures(ds, prepared.standardizer), labels: ds.labels, rows: ds.rows } : null;
    return { train: part(prepared.train), validation: part(prepared.validation) };
  }, [prepared]);
  const bounds = useMemo(() => dataBounds(dataset.features, dataset.rows), [dataset]);
  const grid = useMemo(() => {
    const model = modelFromWeights(weights);
    // A few rows first, so the timed grid measures the network, not the JIT compiling it on first use.
    model.predict(new Float32Array(2 * WARM_UP_ROWS), WARM_UP_ROWS);
    const prediction = predictGrid(model, bounds, gridSize);
    const pixels = probabilitiesToImage(
      prediction.probs,
      prediction.numClasses,
      gridSize * gridSize,
      CLASS_COLORS,
    );
    return { ms: prediction.ms, pixels, size: gridSize };
  }, [weights, bounds, gridSize]);

  // One observer for the canvas's life: one per new grid drew every grid twice (ResizeObserver's first call).
  const draw = useRef(() => {});
  draw.current = () => {
    if (canvas.current) paint(canvas.current, grid, bounds, points, validationPredicted);
  };
  useEffect(() => {
    const el = canvas.current;
    return el ? observeRedraw(el, () => draw.current()) : undefined;
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new picture is what calls for a redraw
  useEffect(() => draw.current(), [grid, bounds, points, validationPredicted]);

  const wrong = validationPredicted
    ? validationPredicted.reduce((n, p, i) => n + (p === points.validation?.labels[i] ? 0 : 1), 0)
    : null;
  return (
    <div className={styles.boundary}>
      <h3 className="label-strong" style={{ margin: 0 }}>
        Decision boundary
      </h3>
      <div className={styles.canvasBox}>
        <canvas
          ref={canvas}
          data-testid="boundary-canvas"
          data-grid-ms={grid.ms.toFixed(2)}
          aria-label="decision boundary heatmap"
        />
      </div>
      <div className={styles.caption}>
        {dataset.classNames.map((name, k) => (
          <span key={name}>
            <span className={styles.dot} style={{ background: classColor(k) }} />
            {name}
          </span>
        ))}
      </div>
      <div className={styles.caption}>
        <span>● train ({countLabel(points.train?.rows ?? 0, MAX_DRAWN.train)})</span>
        <span>◆ validation ({countLabel(points.validation?.rows ?? 0, MAX_DRAWN.validation)})</span>
        {wrong !== null ? <span>◯ misclassified validation ({wrong})</span> : null}
        <span data-testid="grid-ms">
          {grid.size}×{grid.size} grid in {grid.ms.toFixed(1)} ms
        </span>
      </div>
    </div>
  );
}

function countLabel(rows: number, max: number): string {
  const drawn = drawnCount(rows, max);
  return drawn === rows
    ? rows.toLocaleString("en")
    : `${drawn.toLocaleString("en")} of ${rows.toLocaleString("en")} drawn`;
}

function paint(
  el: HTMLCanvasElement,
  grid: { pixels: Uint8ClampedArray; size: number },
  b: Bounds,
  points: { train: Points | null; validation: Points | null },
  validationPredicted: Int32Array | null,
) {
  const canvas = clearedDeviceCanvas(el);
  if (!canvas) return;
  const { ctx, width: w, height: h, dpr } = canvas;
  // The grid goes through a small canvas and is scaled up smoothly: smooth colour, not blocky cells.
  const small = document.createElement("canvas");
  small.width = grid.size;
  small.height = grid.size;
  small
    .getContext("2d")
    ?.putImageData(new ImageData(new Uint8ClampedArray(grid.pixels), grid.size, grid.size), 0, 0);
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = "high";
  ctx.drawImage(small, 0, 0, w, h);

  const px = (x: number) => ((x - b.x0) / (b.x1 - b.x0)) * w;
  const py = (y: number) => ((b.y1 - y) / (b.y1 - b.y0)) * h;
  const edge = cssVar("--panel") || "#fff";
  const ink = cssVar("--text") || "#000";
  const r = 2.6 * dpr;
  ctx.lineWidth = 0.8 * dpr;
  ctx.strokeStyle = edge;
  const train = points.train;
  if (train) {
    for (let i = 0; i < train.rows; i += strideFor(train.rows, MAX_DRAWN.train)) {
      ctx.beginPath();
      ctx.arc(px(train.xy[2 * i] as number), py(train.xy[2 * i + 1] as number), r, 0, 2 * Math.PI);
      ctx.fillStyle = classColor(train.labels[i] as number);
      ctx.fill();
      ctx.stroke();
    }
  }
  const val = points.validation;
  if (!val) return;
  const d = 4.2 * dpr;
  for (let i = 0; i < val.rows; i += strideFor(val.rows, MAX_DRAWN.validation)) {
    const x = px(val.xy[2 * i] as number);
    const y = py(val.xy[2 * i + 1] as number);
    ctx.beginPath();
    ctx.moveTo(x, y - d);
    ctx.lineTo(x + d, y);
    ctx.lineTo(x, y + d);
    ctx.lineTo(x - d, y);
    ctx.closePath();
    ctx.fillStyle = classColor(val.labels[i] as number);
    ctx.fill();
    ctx.lineWidth = 1.2 * dpr;
    ctx.strokeStyle = ink;
    ctx.stroke();
    if (validationPredicted && validationPredicted[i] !== val.labels[i]) {
      ctx.beginPath();
      ctx.arc(x, y, d + 3 * dpr, 0, 2 * Math.PI);
      ctx.lineWidth = 1.6 * dpr;
      ctx.stroke();
    }
  }
}
