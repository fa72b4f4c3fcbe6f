/** Axis tick labels for the small charts: readable from 1e-8 to 1e4 (uPlot's defaults round 1e-5 to "0"). */
export function formatTick(v: number): string {
  if (v === 0) return "0";
  const a = Math.abs(v);
  return a >= 1e-2 && a < 1e4 ? String(Number(v.toPrecision(3))) : v.toExponential(0);
}
