"use client";
/** The validation confusion matrix of one epoch: counts, row-normalised shading, per-class recall. */
import { formatMetric } from "@/lib/format";
import type { Confusion } from "./confusion";
import styles from "./insights.module.css";

export function ConfusionMatrix({
  confusion,
  classNames,
  loggedAcc,
}: {
  confusion: Confusion;
  classNames: string[];
  /** The val/acc the trainer logged for the same epoch, when known: the two must agree. */
  loggedAcc: number | null;
}) {
  const agrees = loggedAcc !== null && Math.abs(loggedAcc - confusion.accuracy) < 1e-6;
  return (
    <div className={styles.boundary} data-testid="confusion">
      <h3 className="label-strong" style={{ margin: 0 }}>
        Confusion on the validation split ({confusion.total} rows)
      </h3>
      <div style={{ overflowX: "auto" }}>
        <table className={styles.matrix}>
          <thead>
            <tr>
              <th className={styles.axisLabel}>true ↓ · predicted →</th>
              {classNames.map((c) => (
                <th key={c}>{c}</th>
              ))}
              <th>recall</th>
            </tr>
          </thead>
          <tbody>
            {confusion.counts.map((row, t) => {
              const n = row.reduce((a, b) => a + b, 0);
              const name = classNames[t] ?? `class ${t}`;
              return (
                <tr key={name}>
                  <th>{name}</th>
                  {row.map((count, p) => {
                    const share = n > 0 ? count / n : 0;
                    return (
                      <td
                        // biome-ignore lint/suspicious/noArrayIndexKey: columns are the fixed class indices
                        key={p}
                        title={`${count} of ${n} ${name} rows predicted ${classNames[p] ?? p} (${Math.round(share * 100)}%)`}
                        style={{
                          background: `color-mix(in srgb, ${t === p ? "var(--accent)" : "var(--bad)"} ${Math.round(share * 85)}%, transparent)`,
                          color: share > 0.5 ? "var(--accent-text)" : undefined,
                          fontWeight: t === p ? 650 : 400,
                        }}
                      >
                        {count}
                      </td>
                    );
                  })}
                  <td className={styles.recall}>{formatMetric(confusion.recall[t] ?? null, 3)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className={styles.reading}>
        Accuracy <b className="num">{formatMetric(confusion.accuracy, 4)}</b>
        {loggedAcc === null ? null : agrees ? (
          <span className={styles.ok} data-testid="confusion-agrees">
            {" "}
            ✓ matches the trainer's logged val/acc
          </span>
        ) : (
          <span className={styles.warnText} data-testid="confusion-disagrees">
            {" "}
            ≠ the trainer logged {formatMetric(loggedAcc, 6)}
          </span>
        )}
        . {weakestClass(confusion, classNames)}
      </p>
    </div>
  );
}

function weakestClass(c: Confusion, classNames: string[]): string {
  let worst = -1;
  c.recall.forEach((r, k) => {
    if (r !== null && (worst < 0 || r < (c.recall[worst] ?? 1))) worst = k;
  });
  const r = c.recall[worst];
  if (worst < 0 || r === null || r === undefined || r === 1) return "Every class is recalled in full.";
  return `Weakest: ${classNames[worst] ?? `class ${worst}`} (recall ${formatMetric(r, 3)}).`;
}
