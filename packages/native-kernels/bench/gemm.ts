/**
 * Benchmarks the native sgemm on a dense MLP's shapes (784-128-64-10 batch 64, 784-512-512-10 batch 256).
 * Prints one JSON line per shape: GFLOP/s (median of timed batches) and a naive JS loop's in the same run.
 * Rates use the process's CPU time, not wall time: the dev machines are shared (2 cores, parallel builds),
 * and CPU time leaves out the time this single-threaded process spent descheduled. `wall` is also printed.
 * Run: node_modules/.bin/tsx packages/native-kernels/bench/gemm.ts [native-avx2|native-scalar|…]
 * (default: the fastest kernel this CPU runs).
 */
import type { Sgemm } from "../src/gemm-types";
import { nativeGemmBackend, nativeGemmBackends, nativeKernelsStatus } from "../src/index";
import { naiveSgemm } from "./naive-gemm";
import { type GemmShape, mlpGemmShapes } from "./shapes";

const BATCHES = 7;
const MIN_BATCH_SECONDS = 0.05;

function filled(length: number, seed: number): Float32Array {
  const out = new Float32Array(length);
  for (let i = 0; i < length; i++) out[i] = Math.sin(i * 12.9898 + seed) * 0.5;
  return out;
}

function cpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/** Median GFLOP/s (CPU time, wall time) over `batches` batches, each repeating the call for MIN_BATCH_SECONDS. */
function measure(sgemm: Sgemm, shape: GemmShape, batches: number): { cpu: number; wall: number } {
  const { m, n, k } = shape;
  const A = filled(m * k, 1);
  const B = filled(k * n, 2);
  const C = new Float32Array(m * n);
  const call = () => sgemm(shape.op === "tn", shape.op === "nt", m, n, k, A, 0, B, 0, C, 0, 0);
  call(); // warm-up: pack buffers, JIT
  let reps = 1;
  for (;;) {
    const start = process.hrtime.bigint();
    for (let r = 0; r < reps; r++) call();
    if (Number(process.hrtime.bigint() - start) / 1e9 >= MIN_BATCH_SECONDS) break;
    reps *= 2;
  }
  const flops = 2 * m * n * k * reps;
  const cpuRates: number[] = [];
  const wallRates: number[] = [];
  for (let b = 0; b < batches; b++) {
    const wallStart = process.hrtime.bigint();
    const cpuStart = cpuSeconds();
    for (let r = 0; r < reps; r++) call();
    cpuRates.push(flops / (cpuSeconds() - cpuStart) / 1e9);
    wallRates.push(flops / (Number(process.hrtime.bigint() - wallStart) / 1e9) / 1e9);
  }
  return { cpu: median(cpuRates), wall: median(wallRates) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function uniqueShapes(): GemmShape[] {
  const all = [...mlpGemmShapes([784, 128, 64, 10], 64), ...mlpGemmShapes([784, 512, 512, 10], 256)];
  const seen = new Set<string>();
  return all.filter((s) => {
    const key = `${s.m}x${s.n}x${s.k}.${s.op}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const requested = process.argv[2];
const backend = requested ? nativeGemmBackends.find((b) => b.name === requested) : nativeGemmBackend;
if (!backend) {
  const available = nativeGemmBackends.map((b) => b.name).join(", ") || "none";
  console.error(`no native backend ${requested ?? ""} (available: ${available}); ${nativeKernelsStatus()}`);
  process.exit(1);
}
const round = (x: number) => Math.round(x * 100) / 100;
for (const shape of uniqueShapes()) {
  const native = measure(backend.sgemm, shape, BATCHES);
  const baseline = measure(naiveSgemm, shape, 3).cpu;
  console.log(
    JSON.stringify({
      name: `native.sgemm.${shape.m}x${shape.n}x${shape.k}.${shape.op}`,
      value: round(native.cpu),
      unit: "GFLOP/s",
      baseline_js: round(baseline),
      ratio: round(native.cpu / baseline),
      wall: round(native.wall),
      backend: backend.name,
    }),
  );
}
