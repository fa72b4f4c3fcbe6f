/**
 * Which metrics a rerun reproduces. Training metrics (losses, accuracies, diagnostics, the learning rate)
 * are the same bits for the same config and seed; metrics read off the wall clock or the machine
 * (epoch time, throughput, CPU and memory) differ on every rerun and are never compared as if they did.
 */
import { METRIC_PREFIX } from "./metric-keys";

const WALL_CLOCK_PREFIXES = [METRIC_PREFIX.time, METRIC_PREFIX.perf, METRIC_PREFIX.sys] as const;

export function isWallClockMetric(key: string): boolean {
  return WALL_CLOCK_PREFIXES.some((p) => key.startsWith(p));
}

/** Keys split into those a rerun reproduces and the wall-clock ones, each in its given order. */
export function splitByReproducibility(keys: readonly string[]): {
  reproducible: string[];
  wallClock: string[];
} {
  return {
    reproducible: keys.filter((k) => !isWallClockMetric(k)),
    wallClock: keys.filter(isWallClockMetric),
  };
}
