/** Collects metric points between flushes so the database sees a few large transactions, not many tiny ones. */
import type { MetricPoint } from "@actlab/queue";

export function createMetricBuffer() {
  let points: MetricPoint[] = [];
  return {
    push(key: string, step: number, value: number, wallMs: number) {
      points.push({ key, step, value, wallMs });
    },
    pushAll(metrics: Record<string, number>, step: number, wallMs: number) {
      for (const [key, value] of Object.entries(metrics)) points.push({ key, step, value, wallMs });
    },
    get size() {
      return points.length;
    },
    /** Returns the buffered points and starts a new buffer. */
    take(): MetricPoint[] {
      const out = points;
      points = [];
      return out;
    },
  };
}
