/** A small inline bar (mean) with a whisker (± one standard deviation) and the seeds as dots, on a shared axis. */
import styles from "./verdict.module.css";

const WIDTH = 90;
const HEIGHT = 16;

export function AccuracyBar(props: {
  mean: number;
  std: number | null;
  values: readonly number[];
  domain: [number, number];
  best: boolean;
}) {
  const [lo, hi] = props.domain;
  const x = (v: number) => Math.max(0, Math.min(WIDTH, ((v - lo) / (hi - lo)) * WIDTH));
  const mid = HEIGHT / 2;
  return (
    <svg className={styles.bar} width={WIDTH} height={HEIGHT} aria-hidden="true">
      <rect className={styles.barTrack} x={0} y={3} width={WIDTH} height={HEIGHT - 6} rx={2} />
      <rect
        className={props.best ? styles.barBest : styles.barFill}
        x={0}
        y={3}
        width={x(props.mean)}
        height={HEIGHT - 6}
        rx={2}
      />
      {props.values.map((v, i) => (
        // Seeds can repeat a value exactly; the index keeps the keys unique.
        // biome-ignore lint/suspicious/noArrayIndexKey: the list never reorders
        <circle key={i} className={styles.dot} cx={x(v)} cy={mid} r={1.6} opacity={0.55} />
      ))}
      {props.std !== null ? (
        <g className={styles.whisker}>
          <line x1={x(props.mean - props.std)} x2={x(props.mean + props.std)} y1={mid} y2={mid} />
          <line x1={x(props.mean - props.std)} x2={x(props.mean - props.std)} y1={mid - 4} y2={mid + 4} />
          <line x1={x(props.mean + props.std)} x2={x(props.mean + props.std)} y1={mid - 4} y2={mid + 4} />
        </g>
      ) : null}
    </svg>
  );
}
