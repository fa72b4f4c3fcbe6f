/** The gallery's numbers: sampled curves f and f′, property badges, and how much of a range is saturated. */
import type { ActivationMeta } from "@actlab/core";

export type Curve = { x: number[]; f: number[]; df: number[] };
export type Plottable = { forward(x: number): number; derivative(x: number): number };

export const RANGE_CHOICES = [2, 4, 6, 8, 10] as const;
/** |f′| below this counts as saturated: a gradient that small barely moves the weights beneath. */
export const SATURATED_SLOPE = 0.01;

/** f and f′ at `points` evenly spaced x in [−halfWidth, halfWidth] (both ends included). */
export function sampleCurve(act: Plottable, halfWidth: number, points = 201): Curve {
  if (!(halfWidth > 0)) throw new RangeError(`halfWidth must be > 0 (got ${halfWidth})`);
  if (points < 2) throw new RangeError(`need at least 2 points (got ${points})`);
  const x: number[] = [];
  const f: number[] = [];
  const df: number[] = [];
  for (let i = 0; i < points; i++) {
    // Snapped to 1e-9 so x = 0 is exactly 0, where kinks (relu, step) sit.
    const xi = Math.round((-halfWidth + (2 * halfWidth * i) / (points - 1)) * 1e9) / 1e9;
    x.push(xi);
    f.push(act.forward(xi));
    df.push(act.derivative(xi));
  }
  return { x, f, df };
}

/** Share of sampled x in the curve where |f′| < SATURATED_SLOPE: the part of the range that starves gradients. */
export function saturatedShare(curve: Curve): number {
  if (curve.df.length === 0) return 0;
  return curve.df.filter((d) => Math.abs(d) < SATURATED_SLOPE).length / curve.df.length;
}

const bound = (v: number): string => {
  if (v === Number.POSITIVE_INFINITY) return "∞";
  if (v === Number.NEGATIVE_INFINITY) return "−∞";
  const s = Number.isInteger(v) ? String(v) : v.toFixed(2);
  return s.replace("-", "−");
};

/** "[0, 1]", "(−∞, ∞)", "[−0.28, ∞)": open where the side is unbounded. */
export function formatRange([lo, hi]: readonly [number, number]): string {
  return `${Number.isFinite(lo) ? "[" : "("}${bound(lo)}, ${bound(hi)}${Number.isFinite(hi) ? "]" : ")"}`;
}

export type Badge = { text: string; tone: "good" | "plain" | "warn" };

/** The properties a reader weighs, as short badges; the unwanted side of a property reads as a warning. */
export function propertyBadges(meta: ActivationMeta): Badge[] {
  const badges: Badge[] = [{ text: `range ${formatRange(meta.range)}`, tone: "plain" }];
  badges.push(
    meta.zeroCentred ? { text: "zero-centred", tone: "good" } : { text: "not zero-centred", tone: "plain" },
  );
  badges.push(
    meta.monotonic ? { text: "monotonic", tone: "plain" } : { text: "non-monotonic", tone: "plain" },
  );
  badges.push(meta.smooth ? { text: "smooth", tone: "good" } : { text: "kinked", tone: "plain" });
  if (meta.learnable.length > 0) badges.push({ text: `learns ${meta.learnable.join(", ")}`, tone: "good" });
  if (!meta.hiddenLayersLearn) badges.push({ text: "hidden layers cannot learn", tone: "warn" });
  return badges;
}

/** One sentence on where a curve's slope goes flat: both tails (saturation), one side (dying units), or never. */
export function slopeReading(curve: Curve): string {
  const flat = (d: number) => Math.abs(d) < SATURATED_SLOPE;
  const share = saturatedShare(curve);
  const pct = `${Math.round(share * 100)}% of the range`;
  if (share === 0) return "never flat: a gradient always gets through.";
  if (share === 1) return "flat everywhere: no gradient gets through at all.";
  const first = flat(curve.df[0] as number);
  const last = flat(curve.df[curve.df.length - 1] as number);
  if (first && last) return `flat in both tails (${pct}): it saturates, so large inputs stop learning.`;
  const negative = curve.df.filter((_, i) => (curve.x[i] as number) < 0);
  if (first && negative.every(flat)) {
    return `flat on the whole negative side (${pct}): units pushed there stop learning (dying units).`;
  }
  return `flat on ${pct}.`;
}
