"use client";
/** Two activations' derivatives on one large chart, with the numbers that tell saturation apart. */
import { type ActivationName, activationInfo } from "@actlab/core";
import { formatMetric } from "@/lib/format";
import { SATURATED_SLOPE, sampleCurve, slopeReading } from "./curves";
import styles from "./gallery.module.css";
import { LinePlot } from "./line-plot";

const PAIR_COLORS = ["#6366f1", "#f97316"] as const;

export function CompareSlopes({ names, halfWidth }: { names: ActivationName[]; halfWidth: number }) {
  if (names.length === 0) {
    return (
      <section className="panel empty" data-testid="compare-empty">
        Click two cards to overlay their derivatives f′ and compare where each one goes flat.
      </section>
    );
  }
  const curves = names.map((name) => ({
    name,
    info: activationInfo(name),
    curve: sampleCurve(activationInfo(name), halfWidth, 801),
  }));
  return (
    <section className={`panel ${styles.compare}`} data-testid="compare">
      <div className="chart-title">
        <h2>Slopes f′ compared on ±{halfWidth}</h2>
        <span className="muted">
          {names.length === 1 ? "pick one more card" : "click a card to swap it in"}
        </span>
      </div>
      <LinePlot
        x={curves[0]?.curve.x ?? []}
        lines={curves.map((c, i) => ({
          label: `${c.name} f′`,
          values: c.curve.df,
          color: PAIR_COLORS[i] ?? "#888",
        }))}
        refs={[{ label: `|f′| = ${SATURATED_SLOPE}`, value: SATURATED_SLOPE, color: "#9aa3b2" }]}
        height={300}
        xLabel="x"
        yLabel="f′(x)"
      />
      <ul className={styles.readings}>
        {curves.map((c) => (
          <li key={c.name}>
            <b>{c.info.meta.label}</b>
            {`: peak slope ${formatMetric(Math.max(...c.curve.df.map(Math.abs)), 3)}; f′ is ${slopeReading(c.curve)}`}
          </li>
        ))}
      </ul>
    </section>
  );
}
