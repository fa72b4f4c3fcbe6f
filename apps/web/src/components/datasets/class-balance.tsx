/** Rows per class as bars: an imbalanced table shows at a glance. */
import styles from "./datasets.module.css";

export function ClassBalance({ names, counts }: { names: string[]; counts: number[] }) {
  const total = counts.reduce((a, b) => a + b, 0) || 1;
  const most = Math.max(1, ...counts);
  const shown = names.slice(0, 12);
  return (
    <div className={styles.balance} data-testid="class-balance">
      {shown.map((name, i) => (
        <div className={styles.balanceRow} key={name}>
          <span title={name}>{name}</span>
          <div className={styles.balanceBar} style={{ width: `${(100 * (counts[i] ?? 0)) / most}%` }} />
          <span className="muted">{Math.round((100 * (counts[i] ?? 0)) / total)}%</span>
        </div>
      ))}
      {names.length > shown.length ? (
        <span className="muted">and {names.length - shown.length} more classes</span>
      ) : null}
    </div>
  );
}
