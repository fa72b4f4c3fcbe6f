/** Number formatting for the verdict panel: accuracy in percent, differences in points, p-values, ratios. */

export function formatPct(fraction: number | null | undefined, digits = 1): string {
  return fraction === null || fraction === undefined || !Number.isFinite(fraction)
    ? "—"
    : `${(fraction * 100).toFixed(digits)}%`;
}

/** "93.2 ± 0.4%", or "93.2%" when one seed gives no spread. */
export function formatAcc(mean: number | null, std: number | null): string {
  if (mean === null) return "—";
  return std === null ? formatPct(mean) : `${(mean * 100).toFixed(1)} ± ${(std * 100).toFixed(1)}%`;
}

/** A difference in accuracy points with its standard error: "−2.1 ± 0.6". */
export function formatPoints(diff: number, se: number | null): string {
  const d = `${diff < 0 ? "−" : diff > 0 ? "+" : ""}${Math.abs(diff).toFixed(1)}`;
  return se === null ? d : `${d} ± ${se.toFixed(1)}`;
}

export function formatP(p: number | null): string {
  if (p === null) return "n/a";
  return p < 0.001 ? "< 0.001" : String(Number(p.toPrecision(2)));
}

/** Ratios span orders of magnitude: two significant digits, scientific below 0.001. */
export function formatRatio(r: number | null): string {
  if (r === null) return "—";
  if (r !== 0 && (Math.abs(r) < 0.001 || Math.abs(r) >= 1e4)) return r.toExponential(1);
  return String(Number(r.toPrecision(2)));
}

/** Parses the target field (a percentage) into a fraction in (0, 1], or an error to show under it. */
export function parseTargetPct(text: string): { target: number | undefined } | { error: string } {
  const t = text.trim().replace(/%$/, "");
  if (t === "") return { target: undefined };
  const pct = Number(t);
  if (!Number.isFinite(pct)) return { error: "target must be a number of percent, e.g. 90" };
  if (pct <= 0 || pct > 100) return { error: "target must be above 0% and at most 100%" };
  return { target: pct / 100 };
}

/** The bar axis for the accuracy column: from a round ten at least 2 points below the lowest whisker to 100%. */
export function accuracyDomain(
  groups: ReadonlyArray<{ finalAcc: { mean: number | null; std: number | null; min: number | null } }>,
): [number, number] {
  let lo = 1;
  for (const g of groups) {
    if (g.finalAcc.mean === null) continue;
    lo = Math.min(lo, g.finalAcc.mean - (g.finalAcc.std ?? 0), g.finalAcc.min ?? 1);
  }
  // Two points of headroom, so the lowest bar never shrinks to nothing.
  const floor = Math.max(0, Math.floor((lo - 0.02) * 10) / 10);
  return [Math.min(floor, 0.9), 1];
}
