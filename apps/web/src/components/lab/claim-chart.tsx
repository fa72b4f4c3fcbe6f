/** The chart that shows a claim's answer: mean curves over seeds with 95% bands, or bars with whiskers. */
import type { LabChart } from "@actlab/analysis";
import { useId } from "react";
import { colorOf } from "@/lib/palette";
import { extent, makeScale } from "./claim-chart-geometry";
import styles from "./lab.module.css";

const W = 420;
const H = 210;
const PAD = { left: 46, right: 10, top: 8, bottom: 44 };

export function ClaimChart({ chart }: { chart: LabChart }) {
  const clipId = useId();
  const ys = chart.series.flatMap((s) =>
    s.points.flatMap(([, y], i) => {
      const band = s.band?.[i] ?? 0;
      return chart.logY ? [y] : [y - band, y + band];
    }),
  );
  const yRange = extent(
    chart.logY ? ys.filter((y) => y > 0) : [...ys, ...(chart.kind === "bars" ? [0] : [])],
  );
  if (!yRange) return <p className={styles.noData}>No measurements yet.</p>;
  const [lo, hi] = chart.yBounds
    ? [Math.max(yRange[0], chart.yBounds[0]), Math.min(yRange[1], chart.yBounds[1])]
    : yRange;
  const y = makeScale(lo, hi, H - PAD.bottom, PAD.top, chart.logY === true);
  return (
    <figure className={styles.chart}>
      <figcaption>{chart.title}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={chart.title}>
        <clipPath id={clipId}>
          <rect x={PAD.left} y={PAD.top} width={W - PAD.left - PAD.right} height={H - PAD.top - PAD.bottom} />
        </clipPath>
        {y.ticks.map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y.toPx(t)} y2={y.toPx(t)} className={styles.grid} />
            <text x={PAD.left - 4} y={y.toPx(t) + 3} textAnchor="end" className={styles.tick}>
              {y.format(t)}
            </text>
          </g>
        ))}
        <text
          x={10}
          y={PAD.top + (H - PAD.top - PAD.bottom) / 2}
          className={styles.axis}
          transform={`rotate(-90 10 ${PAD.top + (H - PAD.top - PAD.bottom) / 2})`}
          textAnchor="middle"
        >
          {chart.y}
        </text>
        {chart.kind === "bars" ? (
          <Bars chart={chart} y={y.toPx} clip={`url(#${clipId})`} />
        ) : (
          <Lines chart={chart} y={y.toPx} clip={`url(#${clipId})`} />
        )}
      </svg>
      {chart.kind === "lines" ? (
        <div className={styles.legend}>
          {chart.series.map((s, i) => (
            <span key={s.label}>
              <i style={{ background: colorOf(i) }} />
              {s.label}
            </span>
          ))}
        </div>
      ) : null}
    </figure>
  );
}

function Lines({ chart, y, clip }: { chart: LabChart; y: (v: number) => number; clip: string }) {
  const xRange = extent(chart.series.flatMap((s) => s.points.map(([x]) => x))) ?? [0, 1];
  const x = makeScale(xRange[0], xRange[1], PAD.left, W - PAD.right, false);
  const ticks = x.ticks.filter((t) => t >= xRange[0] && t <= xRange[1] && Number.isInteger(t));
  return (
    <>
      {ticks.map((t) => (
        <text key={t} x={x.toPx(t)} y={H - PAD.bottom + 14} textAnchor="middle" className={styles.tick}>
          {t}
        </text>
      ))}
      <text
        x={PAD.left + (W - PAD.left - PAD.right) / 2}
        y={H - 12}
        textAnchor="middle"
        className={styles.axis}
      >
        {chart.x}
      </text>
      {chart.series.map((s, i) => {
        const line = s.points.map(([px, py]) => `${x.toPx(px).toFixed(1)},${y(py).toFixed(1)}`).join(" ");
        const upper = s.points.map(
          ([px, py], k) => `${x.toPx(px).toFixed(1)},${y(py + (s.band?.[k] ?? 0)).toFixed(1)}`,
        );
        const lower = s.points.map(
          ([px, py], k) => `${x.toPx(px).toFixed(1)},${y(py - (s.band?.[k] ?? 0)).toFixed(1)}`,
        );
        const hasBand = !chart.logY && s.band?.some((b) => (b ?? 0) > 0);
        return (
          <g key={s.label} data-series={s.label} clipPath={clip}>
            {hasBand ? (
              <polygon points={[...upper, ...lower.reverse()].join(" ")} fill={colorOf(i)} opacity={0.15} />
            ) : null}
            <polyline points={line} fill="none" stroke={colorOf(i)} strokeWidth={2} />
            {s.points.length === 1 ? (
              <circle
                cx={x.toPx(s.points[0]?.[0] ?? 0)}
                cy={y(s.points[0]?.[1] ?? 0)}
                r={3}
                fill={colorOf(i)}
              />
            ) : null}
          </g>
        );
      })}
    </>
  );
}

function Bars({ chart, y, clip }: { chart: LabChart; y: (v: number) => number; clip: string }) {
  const series = chart.series[0];
  const categories = chart.categories ?? [];
  if (!series) return null;
  const slot = (W - PAD.left - PAD.right) / Math.max(1, categories.length);
  const zero = y(0);
  return (
    <>
      {series.points.map(([index, mean], i) => {
        const cx = PAD.left + slot * (index + 0.5);
        const band = series.band?.[i] ?? null;
        const label = categories[index] ?? "";
        return (
          <g key={label} data-bar={label}>
            {Number.isFinite(mean) ? (
              <rect
                x={cx - slot * 0.3}
                width={slot * 0.6}
                y={Math.min(y(mean), zero)}
                height={Math.abs(zero - y(mean))}
                fill={colorOf(i)}
                opacity={0.85}
              />
            ) : null}
            {band !== null && Number.isFinite(mean) ? (
              <line
                x1={cx}
                x2={cx}
                y1={y(mean - band)}
                y2={y(mean + band)}
                className={styles.whisker}
                clipPath={clip}
              />
            ) : null}
            <text x={cx} y={H - PAD.bottom + 14} textAnchor="middle" className={styles.tick}>
              {wrapLabel(label).map((line, k) => (
                <tspan key={line} x={cx} dy={k === 0 ? 0 : 11}>
                  {line}
                </tspan>
              ))}
            </text>
          </g>
        );
      })}
    </>
  );
}

/** A bar's label in lines of about 12 characters, so six bars' labels never run into each other. */
function wrapLabel(label: string): string[] {
  const lines: string[] = [];
  for (const word of label.split(" ")) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + word.length < 12) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.slice(0, 3);
}
