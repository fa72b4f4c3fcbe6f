"use client";
/**
 * Per-layer diagnostics over epochs as small multiples (gradient norms, dead and saturated units, learned
 * activation parameters, the vanishing-gradient ratio), live from the run's series, each with a reading.
 */
import { DIAG_STAT, diagKey, METRIC } from "@actlab/core";
import { LinePlot, type PlotLine } from "@/components/gallery/line-plot";
import type { SeriesMap } from "@/lib/series";
import styles from "./insights.module.css";
import {
  diagLayers,
  epochLines,
  latest,
  learnedKeys,
  readGradNorms,
  readGradRatio,
  readLearned,
  readUnitShare,
} from "./layer-diagnostics-data";

const LAYER_COLORS = ["#6366f1", "#06b6d4", "#22c55e", "#eab308", "#f97316", "#ef4444", "#a855f7", "#ec4899"];
const OUT_COLOR = "#64748b";
const colorOf = (layer: string, i: number) =>
  layer === "out" ? OUT_COLOR : (LAYER_COLORS[i % LAYER_COLORS.length] as string);
const percentRange = (_min: number, max: number): [number, number] => [
  0,
  Math.max(10, Math.ceil(max / 10) * 10),
];

// The hidden layers' units that are dead or saturated, in % of the layer: one chart each.
const UNIT_SHARES = [
  { kind: "dead", stat: DIAG_STAT.deadFrac, title: "Dead units %", testId: "diag-dead" },
  { kind: "saturated", stat: DIAG_STAT.satFrac, title: "Saturated units %", testId: "diag-sat" },
] as const;

export function LayerDiagnostics({ series, finished }: { series: SeriesMap; finished: boolean }) {
  const layers = diagLayers(series);
  if (layers.length === 0) {
    return (
      <section className="panel">
        <h2>Per-layer diagnostics</h2>
        <div className={styles.empty} data-testid="diagnostics-empty">
          {finished
            ? "This run recorded no diagnostics: it ended before its first epoch did."
            : "Gradient norms, dead and saturated units appear here after the first epoch."}
        </div>
      </section>
    );
  }
  const hidden = layers.filter((l) => l !== "out");
  const perLayer = (measure: string, subset: string[], scale = 1) => {
    const got = epochLines(
      series,
      subset.map((l) => ({ name: l, key: diagKey(l, measure) })),
      scale,
    );
    const lines: PlotLine[] = got.lines.map((line) => ({
      label: line.name,
      values: line.values,
      color: colorOf(line.name, layers.indexOf(line.name)),
    }));
    const latestByLayer = subset.map((l) => ({ layer: l, value: latest(series[diagKey(l, measure)]) }));
    return { x: got.x, lines, latestByLayer };
  };
  const grad = perLayer(DIAG_STAT.gradNorm, layers);
  const unitShares = UNIT_SHARES.map((u) => ({ ...u, share: perLayer(u.stat, hidden, 100) }));
  const learned = learnedKeys(series);
  const learnedLines = epochLines(
    series,
    learned.map((k) => ({
      name: `${k.layer} ${k.param.replace("alpha", "α").replace("beta", "β").replace("mix/", "w·")}`,
      key: k.key,
    })),
  );
  const ratio = epochLines(series, [{ name: "grad ratio", key: METRIC.gradRatio }]);
  const throughEpoch = grad.x.at(-1) ?? null;

  return (
    <section className="panel" data-testid="layer-diagnostics" data-epoch={throughEpoch ?? undefined}>
      <div className={`panel-head ${styles.head}`}>
        <h2>Per-layer diagnostics</h2>
        <span className="muted">
          measured each epoch on a fixed probe batch · x = epoch
          {throughEpoch === null ? "" : ` · through epoch ${throughEpoch}`}
        </span>
      </div>
      <div className={styles.small}>
        <SmallChart
          title="Gradient norm per layer (log)"
          reading={readGradNorms(grad.latestByLayer)}
          testId="diag-grad"
        >
          <LinePlot x={grad.x} lines={grad.lines} logY xLabel="epoch" />
        </SmallChart>
        {unitShares.map(({ kind, title, testId, share }) => (
          <SmallChart
            key={kind}
            title={title}
            reading={readUnitShare(kind, share.latestByLayer)}
            testId={testId}
          >
            <LinePlot x={share.x} lines={share.lines} yRange={percentRange} xLabel="epoch" />
          </SmallChart>
        ))}
        {learned.length > 0 ? (
          <SmallChart
            title="Learned activation parameters"
            reading={readLearned(series)}
            testId="diag-learned"
          >
            <LinePlot
              x={learnedLines.x}
              lines={learnedLines.lines.map((l, i) => ({
                label: l.name,
                values: l.values,
                color: LAYER_COLORS[i % LAYER_COLORS.length] as string,
                dash: learned[i] && hidden.indexOf(learned[i].layer) > 0 ? [6, 3] : undefined,
              }))}
              xLabel="epoch"
            />
          </SmallChart>
        ) : null}
        <SmallChart
          title="Gradient ratio: layer 1 / output (log)"
          reading={readGradRatio(latest(series[METRIC.gradRatio]))}
          testId="diag-ratio"
        >
          <LinePlot
            x={ratio.x}
            lines={ratio.lines.map((l) => ({ label: l.name, values: l.values, color: "#6366f1" }))}
            refs={[{ label: "1.0 (no loss)", value: 1, color: "#9aa3b2" }]}
            logY
            xLabel="epoch"
          />
        </SmallChart>
      </div>
    </section>
  );
}

function SmallChart({
  title,
  reading,
  testId,
  children,
}: {
  title: string;
  reading: string;
  testId: string;
  children: React.ReactNode;
}) {
  return (
    <div data-testid={testId}>
      <h3 className="label-strong" style={{ margin: "0 0 4px" }}>
        {title}
      </h3>
      {children}
      <p className={styles.reading} data-testid={`${testId}-reading`}>
        {reading}
      </p>
    </div>
  );
}
