/** Layout for a parallel-coordinates plot: one axis per varied hyperparameter, the chosen metric last. */

export type PcRun = { id: string; params: Record<string, string | number>; metric: number | null };
export type PcAxis = {
  key: string;
  kind: "number" | "log" | "category";
  /** For category axes, the values in display order. */
  categories: string[];
  min: number;
  max: number;
  /** Maps a run's value to [0, 1] along the axis (0 = bottom). */
  position(value: string | number | undefined): number | null;
  label(value: number): string;
};

/** Params that differ between runs (constant ones explain nothing), plus the metric as the last axis. */
export function buildAxes(runs: PcRun[], metricKey: string, ignore: string[] = ["seed"]): PcAxis[] {
  const keys = new Set<string>();
  for (const r of runs) for (const k of Object.keys(r.params)) keys.add(k);
  const axes: PcAxis[] = [];
  for (const key of [...keys].sort()) {
    if (ignore.includes(key)) continue;
    const values = runs.map((r) => r.params[key]).filter((v) => v !== undefined) as (string | number)[];
    if (new Set(values.map(String)).size < 2) continue;
    axes.push(axisFor(key, values));
  }
  const metrics = runs.map((r) => r.metric).filter((v): v is number => v !== null);
  if (metrics.length) axes.push(axisFor(metricKey, metrics, true));
  return axes;
}

function axisFor(key: string, values: (string | number)[], forceNumber = false): PcAxis {
  const numeric = forceNumber || values.every((v) => typeof v === "number");
  if (!numeric) {
    const categories = [...new Set(values.map(String))].sort((a, b) =>
      a.localeCompare(b, "en", { numeric: true }),
    );
    const n = Math.max(1, categories.length - 1);
    return {
      key,
      kind: "category",
      categories,
      min: 0,
      max: n,
      position: (v) => (v === undefined ? null : categories.indexOf(String(v)) / n),
      label: (i) => categories[Math.round(i)] ?? "",
    };
  }
  const nums = values as number[];
  const min = Math.min(...nums);
  const max = Math.max(...nums);
  // Learning rates and the like span decades: a log axis spreads them evenly.
  const log = min > 0 && max / min >= 20;
  const f = (x: number) => (log ? Math.log10(x) : x);
  const span = f(max) - f(min) || 1;
  return {
    key,
    kind: log ? "log" : "number",
    categories: [],
    min,
    max,
    position: (v) => (typeof v === "number" && Number.isFinite(v) ? (f(v) - f(min)) / span : null),
    label: (x) => Number(x.toPrecision(3)).toString(),
  };
}

/** Metric value → colour from a perceptual ramp (low = purple, high = yellow), reversed for losses. */
export function rampColor(t: number, higherIsBetter: boolean): string {
  const u = Math.min(1, Math.max(0, higherIsBetter ? t : 1 - t));
  const stops = [
    [68, 1, 84],
    [59, 82, 139],
    [33, 145, 140],
    [94, 201, 98],
    [253, 231, 37],
  ];
  const x = u * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(x));
  const f = x - i;
  const [a, b] = [stops[i] as number[], stops[i + 1] as number[]];
  const c = a.map((v, k) => Math.round(v + ((b[k] as number) - v) * f));
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}
