/** CPU and memory of this training process between two calls, recorded as sys/* metrics each epoch. */
import { METRIC } from "@actlab/core";

export function createSystemSampler() {
  let lastCpu = process.cpuUsage();
  let lastWall = performance.now();
  return (): Record<string, number> => {
    const cpu = process.cpuUsage(lastCpu);
    const wall = performance.now();
    const elapsedMs = Math.max(wall - lastWall, 1e-3);
    lastCpu = process.cpuUsage();
    lastWall = wall;
    return {
      [METRIC.cpuPct]: (100 * (cpu.user + cpu.system)) / 1000 / elapsedMs,
      [METRIC.rssMb]: process.memoryUsage.rss() / 2 ** 20,
    };
  };
}
