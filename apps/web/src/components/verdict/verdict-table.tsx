/** The ranked table of a verdict: one row per group, best first, with every figure the sentence is built from. */
import type { GroupVerdict } from "@actlab/analysis";
import { formatSeconds } from "@/lib/format";
import { AccuracyBar } from "./accuracy-bar";
import styles from "./verdict.module.css";
import { accuracyDomain, formatAcc, formatP, formatPct, formatPoints, formatRatio } from "./verdict-format";

/** Below this first-layer/last-layer gradient ratio the early layers barely learn. */
const VANISHING = 0.01;
const DEAD_WARN_PCT = 20;

export function VerdictTable(props: {
  groups: readonly GroupVerdict[];
  alpha: number;
  target: number | null;
  /** Groups pool runs of several configs: their n counts runs, not seeds. */
  pooled: boolean;
}) {
  const domain = accuracyDomain(props.groups);
  return (
    <div style={{ overflowX: "auto" }}>
      <table className={`table ${styles.compact}`} data-testid="verdict-table">
        <thead>
          <tr>
            <th>#</th>
            <th>Group</th>
            <th title={props.pooled ? "completed runs (of several configs)" : "completed seeds"}>
              {props.pooled ? "Runs" : "Seeds"}
            </th>
            <th
              title={`bar axis ${formatPct(domain[0], 0)}–${formatPct(domain[1], 0)}; whisker ± 1 std; dots are runs`}
            >
              Val acc · mean ± std
            </th>
            <th title="difference from the best group in accuracy points ± its standard error">
              Δ best · pts ± SE
            </th>
            <th title="Welch's t-test against the best group, two-sided, Holm-adjusted over all comparisons">
              p
            </th>
            <th title={`epochs until the metric first reaches ${formatPct(props.target)}`}>
              Epochs → target
            </th>
            <th title="training seconds until the target">Time → target</th>
            <th>s/epoch</th>
            <th title="runs that diverged (not counted in the accuracy)">Div.</th>
            <th title="hidden units whose derivative is 0 on every probe sample, mean over layers and seeds">
              Dead
            </th>
            <th title="first-layer / last-layer gradient norm, geometric mean over seeds">Grad ratio</th>
          </tr>
        </thead>
        <tbody>
          {props.groups.map((g) => (
            <tr key={g.group} className={g.rank === 1 ? styles.best : undefined} data-testid="verdict-row">
              <td className="num">{g.rank ?? "—"}</td>
              <td className={g.rank === 1 ? styles.strong : undefined}>{g.group}</td>
              <td className="num">
                {g.n}
                {g.pending > 0 ? <span className="muted"> +{g.pending} running</span> : null}
              </td>
              <td>
                <div className={styles.accCell}>
                  {g.finalAcc.mean !== null ? (
                    <AccuracyBar
                      mean={g.finalAcc.mean}
                      std={g.finalAcc.std}
                      values={g.finalAcc.values}
                      domain={domain}
                      best={g.rank === 1}
                    />
                  ) : null}
                  <span className="num">{formatAcc(g.finalAcc.mean, g.finalAcc.std)}</span>
                </div>
              </td>
              <td className="num">
                {g.vsBest
                  ? formatPoints(g.vsBest.diffPoints, g.vsBest.sePoints)
                  : g.rank === 1
                    ? "best"
                    : "—"}
              </td>
              <td
                className={`num ${g.vsBest?.p != null && g.vsBest.p < props.alpha ? styles.strong : "muted"}`}
              >
                {g.vsBest ? formatP(g.vsBest.p) : ""}
              </td>
              <td className="num">
                {g.target.epochs === null ? "—" : g.target.epochs.toFixed(1)}{" "}
                <span className="muted">
                  ({g.target.reached}/{g.target.of})
                </span>
              </td>
              <td className="num">{formatSeconds(g.target.seconds)}</td>
              <td className="num">{formatSeconds(g.secondsPerEpoch)}</td>
              <td className={`num ${g.diverged > 0 ? styles.bad : "muted"}`}>{g.diverged}</td>
              <td className={`num ${g.deadPct !== null && g.deadPct > DEAD_WARN_PCT ? styles.warn : ""}`}>
                {g.deadPct === null ? "—" : `${g.deadPct.toFixed(0)}%`}
              </td>
              <td
                className={`num ${g.gradRatio !== null && g.gradRatio < VANISHING ? styles.warn : ""}`}
                title={g.gradRatio !== null && g.gradRatio < VANISHING ? "vanishing gradients" : undefined}
              >
                {formatRatio(g.gradRatio)}
                {g.gradRatio !== null && g.gradRatio < VANISHING ? " ⚠" : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
