/** Mean curve and spread band over a group of runs (seeds of one config), aligned on their x values. */
import { mean as meanOf, sem, std } from "./describe";
import { tQuantile } from "./t-distribution";

export type SeriesMember = { x: readonly number[]; y: readonly (number | null)[] };
export type Band = "std" | "sem" | "ci95";
export type AggregatedSeries = {
  x: number[];
  mean: (number | null)[];
  /** mean − spread; null where fewer than two members have a value (no spread to show). */
  lo: (number | null)[];
  hi: (number | null)[];
  /** How many members contributed at each x. */
  n: number[];
};

type Point = { x: number; y: number | null };

/**
 * On the union of the members' x values, each member is linearly interpolated inside its own x range
 * (never extrapolated: a run that stopped early contributes nothing after its end). A null point, or
 * a segment that touches one, yields no value: a diverged run is not drawn through.
 */
export function aggregateSeries(members: readonly SeriesMember[], band: Band): AggregatedSeries {
  const sorted: Point[][] = members.map((m) => {
    const pts: Point[] = [];
    const len = Math.min(m.x.length, m.y.length);
    for (let i = 0; i < len; i++) {
      const x = m.x[i] as number;
      const y = m.y[i];
      if (Number.isFinite(x))
        pts.push({ x, y: y !== null && y !== undefined && Number.isFinite(y) ? y : null });
    }
    return pts.sort((a, b) => a.x - b.x);
  });
  const xs = [...new Set(sorted.flatMap((pts) => pts.map((p) => p.x)))].sort((a, b) => a - b);
  // One cursor per member walks forward with x: O(total points), no binary search.
  const cursor = sorted.map(() => 0);
  const out: AggregatedSeries = { x: xs, mean: [], lo: [], hi: [], n: [] };
  const values: number[] = [];
  for (const x of xs) {
    values.length = 0;
    for (let m = 0; m < sorted.length; m++) {
      const v = valueAt(sorted[m] as Point[], cursor, m, x);
      if (v !== null) values.push(v);
    }
    const mu = meanOf(values);
    const spread = spreadOf(values, band);
    out.mean.push(mu);
    out.n.push(values.length);
    out.lo.push(mu !== null && spread !== null ? mu - spread : null);
    out.hi.push(mu !== null && spread !== null ? mu + spread : null);
  }
  return out;
}

function valueAt(pts: Point[], cursor: number[], m: number, x: number): number | null {
  let i = cursor[m] as number;
  // Advance to the last point with p.x ≤ x (duplicates of one x: the last one wins).
  while (i + 1 < pts.length && (pts[i + 1] as Point).x <= x) i++;
  cursor[m] = i;
  const a = pts[i];
  if (!a || a.x > x) return null; // before this member's first point
  if (a.x === x) return a.y;
  const b = pts[i + 1];
  if (!b || a.y === null || b.y === null) return null; // past its last point, or a gap
  return a.y + ((b.y - a.y) * (x - a.x)) / (b.x - a.x);
}

function spreadOf(values: number[], band: Band): number | null {
  if (band === "std") return std(values);
  const e = sem(values);
  if (band === "sem" || e === null) return e;
  return tQuantile(0.975, values.length - 1) * e;
}
