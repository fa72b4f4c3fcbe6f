"use client";
/** Every other metric of a run (learning rate, timing, throughput, system figures, …) as small live charts. */
import { MetricChart } from "@/components/metric-chart";
import type { SeriesMap } from "@/lib/series";

/** Shown elsewhere on the run page: the loss/accuracy charts and the per-layer diagnostics. */
const ELSEWHERE = /^(train\/(loss|acc|batch_loss)|val\/(loss|acc)|epoch|diag\/.*)$/;

export function RunMetricsGrid({ series }: { series: SeriesMap }) {
  const keys = Object.keys(series)
    .filter((k) => !ELSEWHERE.test(k))
    .sort();
  if (keys.length === 0) return null;
  return (
    <section className="grid">
      <h2 style={{ margin: "8px 0 0" }}>All other metrics</h2>
      <div className="grid" style={{ gridTemplateColumns: "repeat(auto-fit, minmax(300px, 1fr))" }}>
        {keys.map((key) => (
          <MetricChart
            key={key}
            title={key}
            height={160}
            testId={`metric-${key}`}
            lines={[{ label: key, series: series[key] ?? { steps: [], values: [] }, color: "#0ea5e9" }]}
          />
        ))}
      </div>
    </section>
  );
}
