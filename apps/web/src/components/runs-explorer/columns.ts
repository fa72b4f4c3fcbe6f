/** Column expressions the explorer shows: params ("lr") and metric summaries ("val/acc", "max(val/acc)"). */
import { formatMetric } from "@/lib/format";

export const METRIC_FIGURES = ["last", "min", "max", "best", "count"] as const;
export type MetricFigure = (typeof METRIC_FIGURES)[number];

/** The expression runs.table reads for a metric figure; "last" of a slashed key is the key itself. */
export function metricColumn(key: string, figure: MetricFigure): string {
  return figure === "last" && key.includes("/") ? key : `${figure}(${key})`;
}

export type ParsedColumn =
  | { kind: "param"; key: string }
  | { kind: "metric"; key: string; figure: MetricFigure };

/** The inverse of metricColumn, for headers and the picker's checked state. */
export function parseColumn(column: string): ParsedColumn {
  const m = /^(last|min|max|best|count)\((.+)\)$/.exec(column);
  if (m) return { kind: "metric", key: m[2] as string, figure: m[1] as MetricFigure };
  return column.includes("/")
    ? { kind: "metric", key: column, figure: "last" }
    : { kind: "param", key: column };
}

/** Header text: the key, with the figure when it is not the last value. */
export function columnLabel(column: string): { key: string; figure: string | null } {
  const c = parseColumn(column);
  return c.kind === "param"
    ? { key: c.key, figure: null }
    : { key: c.key, figure: c.figure === "last" ? null : c.figure };
}

/** A cell's text: params as stored (0.001 stays 0.001), metric figures rounded, counts whole. */
export function formatCell(column: string, value: string | number | null): string {
  if (value === null) return "—";
  const c = parseColumn(column);
  if (c.kind === "param" || typeof value === "string") return String(value);
  if (c.figure === "count") return value.toLocaleString("en-US");
  return formatMetric(value);
}

// Measured in Chromium with DejaVu Sans, the widest of the faces globals.css names: header keys are
// 12 px monospace (7.25 px a character), a figure tag ("best") 12 px UI face (6.5 px).
const KEY_CHAR_PX = 7.3;
const FIGURE_CHAR_PX = 6.8;
const CELL_PADDING_PX = 16;
const SORT_ARROW_PX = 14;

/**
 * The narrowest a picked column can be with its header and its values whole: sized per column rather
 * than one width for all, so the default columns and the run names fit a 1400 px window together.
 * The sorted column makes room for its arrow.
 */
export function columnMinWidth(column: string, sorted: boolean): number {
  const c = parseColumn(column);
  const { key, figure } = columnLabel(column);
  const header =
    key.length * KEY_CHAR_PX +
    (figure ? figure.length * FIGURE_CHAR_PX + 4 : 0) +
    CELL_PADDING_PX +
    (sorted ? SORT_ARROW_PX : 0);
  // Values in 13 px monospace: "0.0003", "64-64-64", "−1.2e-4"; a min, max or best adds where it
  // happened, "@123456".
  const values = c.kind === "metric" && figure && figure !== "count" ? 120 : 80;
  return Math.ceil(Math.max(header, values));
}
