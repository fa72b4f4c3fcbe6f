"use client";
/**
 * The legend as a table of group statistics (final value mean ± spread, best) over the runs or the zoomed
 * range, which it names; click a row to hide its lines.
 */
import { formatMetric } from "@/lib/format";
import type { GroupStats } from "./compare-model";

export function CompareLegend({
  stats,
  hidden,
  metric,
  band,
  scope,
  zoomed,
  onToggle,
}: {
  stats: GroupStats[];
  hidden: string[];
  metric: string;
  band: "std" | "sem" | "ci95";
  /** What the figures cover, as `summaryScope` words it. */
  scope: string;
  /** Zoomed, the "final" value is the last one inside the range. */
  zoomed: boolean;
  onToggle: (group: string) => void;
}) {
  if (stats.length === 0) return null;
  const spread = (s: GroupStats) => (band === "std" ? s.last.std : band === "sem" ? s.last.sem : s.last.ci95);
  return (
    <section className="panel" style={{ padding: 0, overflowX: "auto" }}>
      <p className="muted" style={{ margin: 0, padding: "10px 12px 0" }} data-testid="summary-scope">
        Summary over {scope}
      </p>
      <table className="table" data-testid="compare-legend">
        <thead>
          <tr>
            <th>Group</th>
            <th>Runs</th>
            <th>
              {zoomed ? `Last ${metric} in range` : `Final ${metric}`} (mean{" "}
              {band === "ci95" ? "± 95% CI" : `± ${band}`})
            </th>
            <th>Min</th>
            <th>Max</th>
            <th>Best run</th>
          </tr>
        </thead>
        <tbody>
          {stats.map((s) => (
            <tr
              key={s.group}
              className={hidden.includes(s.group) ? "dim" : ""}
              onClick={() => onToggle(s.group)}
              style={{ cursor: "pointer" }}
              title="click to show or hide"
            >
              <td>
                <span className="swatch" style={{ background: s.color }} />
                {s.group}
              </td>
              <td className="num">{s.runs}</td>
              <td className="num">
                {formatMetric(s.last.mean)}
                {spread(s) !== null ? ` ± ${formatMetric(spread(s))}` : ""}
              </td>
              <td className="num">{formatMetric(s.last.min)}</td>
              <td className="num">{formatMetric(s.last.max)}</td>
              <td className="num">{formatMetric(s.best)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
