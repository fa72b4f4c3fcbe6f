"use client";
/** A 2-D dataset's points, coloured by class. */
import type { Dataset } from "@actlab/core";
import { useEffect, useRef } from "react";
import styles from "./datasets.module.css";

const COLOURS = [
  "#6366f1",
  "#f97316",
  "#10b981",
  "#e11d48",
  "#0ea5e9",
  "#a855f7",
  "#eab308",
  "#64748b",
  "#14b8a6",
  "#f43f5e",
];

export function ScatterPreview({ dataset: ds }: { dataset: Dataset }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext("2d");
    if (!c || !ctx) return;
    const size = 200;
    c.width = size;
    c.height = size;
    let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
    for (let i = 0; i < ds.rows; i++) {
      const x = ds.features[2 * i] as number;
      const y = ds.features[2 * i + 1] as number;
      [minX, maxX, minY, maxY] = [Math.min(minX, x), Math.max(maxX, x), Math.min(minY, y), Math.max(maxY, y)];
    }
    const sx = (x: number) => 8 + ((x - minX) / (maxX - minX || 1)) * (size - 16);
    const sy = (y: number) => size - 8 - ((y - minY) / (maxY - minY || 1)) * (size - 16);
    ctx.clearRect(0, 0, size, size);
    for (let i = 0; i < ds.rows; i++) {
      ctx.fillStyle = COLOURS[(ds.labels[i] as number) % COLOURS.length] as string;
      ctx.beginPath();
      ctx.arc(sx(ds.features[2 * i] as number), sy(ds.features[2 * i + 1] as number), 2, 0, 2 * Math.PI);
      ctx.fill();
    }
  }, [ds]);
  return <canvas ref={canvas} className={styles.scatter} aria-label={`${ds.name}: ${ds.rows} points`} />;
}
