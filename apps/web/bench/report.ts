/** What every `pnpm bench ui` measurement shares: one JSON object per line, and quantiles of timings. */
import os from "node:os";

/** One line, with the cores and the 1-minute load when it was measured: other work skews a shared machine. */
export const emit = (o: Record<string, unknown>) =>
  console.log(JSON.stringify({ ...o, cores: os.cpus().length, load: Number(os.loadavg()[0]?.toFixed(2)) }));

/** The q-quantile (0..1) of the samples, by the nearest rank below. */
export function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] as number;
}
