"use client";
/** Every other metric of a run (learning rate, timing, throughput, system figures, …) as small live charts. */
import {
  isDiagnosticMetric,
  METRIC,
  METRIC_UNITS,
  type MetricKey,
  splitByReproducibility,
} from "@actlab/core";
import { MetricChart } from "@/components/metric-chart";
import type { SeriesMap } from "@/lib/series";

/** Shown elsewhere on the run page: the loss/accuracy charts and the per-layer diagnostics. */
const ELSEWHERE: ReadonlySet<string> = new Set([
  METRIC.trainLoss,
  METRIC.trainAcc,
  METRIC.trainBatchLoss,
  METRIC.valLoss,
  METRIC.valAcc,
  METRIC.epoch,
]);
const shownElsewhere = (key: string) => ELSEWHERE.has(key) || isDiagnosticMetric(key);

function ChartGrid({ keys, series }: { keys: string[]; series: SeriesMap }) {
  return (
    <div className="grid" style={{ gridTemplateColumns: "repeat(auto-fit, minmax(300px, 1fr))" }}>
      {keys.map((key) => (
        <MetricChart
          key={key}
          title={key}
          height={160}
          yLabel={METRIC_UNITS[key as MetricKey]}
          testId={`metric-${key}`}
          lines={[{ label: key, series: series[key] ?? { steps: [], values: [] }, color: "#0ea5e9" }]}
        />
      ))}
    </div>
  );
}

export function RunMetricsGrid({ series }: { series: SeriesMap }) {
  const keys = Object.keys(series)
    .filter((k) => !shownElsewhere(k))
    .sort();
  if (keys.length === 0) return null;
  const { reproducible, wallClock } = splitByReproducibility(keys);
  return (
    <section className="grid">
      {reproducible.length > 0 && (
        <>
          <h2 style={{ margin: "8px 0 0" }}>All other metrics</h2>
          <ChartGrid keys={reproducible} series={series} />
        </>
      )}
      {wallClock.length > 0 && (
        <>
          <h2 style={{ margin: "8px 0 0" }}>Wall clock and machine</h2>
          <p className="muted" style={{ margin: 0 }} data-testid="wall-clock-note">
            Timing, throughput and system figures depend on the machine and its load: a rerun with the same
            config and seed repeats every metric above bit for bit, but not these.
          </p>
          <ChartGrid keys={wallClock} series={series} />
        </>
      )}
    </section>
  );
}
