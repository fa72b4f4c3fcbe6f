/** Tick spacing and labels for the compare chart's x axis: whole steps and epochs, readable durations. */

/** Whole-number increments only: an epoch or step axis never shows 2.5. */
export const INTEGER_INCREMENTS = [
  1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10_000, 20_000, 50_000, 100_000,
  200_000, 500_000, 1_000_000,
];

/** Seconds as people read a time axis: 45 s, 2m 30s, 1h 05m. */
export function formatDurationTick(seconds: number): string {
  if (!Number.isFinite(seconds)) return "";
  const sign = seconds < 0 ? "−" : "";
  const s = Math.abs(seconds);
  if (s < 10) return `${sign}${Number(s.toFixed(1))} s`;
  if (s < 60) return `${sign}${Math.round(s)} s`;
  if (s < 3600) {
    const m = Math.floor(s / 60);
    const rest = Math.round(s - m * 60);
    return rest === 0 ? `${sign}${m}m` : `${sign}${m}m ${String(rest).padStart(2, "0")}s`;
  }
  const h = Math.floor(s / 3600);
  const m = Math.round((s - h * 3600) / 60);
  return `${sign}${h}h ${String(m).padStart(2, "0")}m`;
}
