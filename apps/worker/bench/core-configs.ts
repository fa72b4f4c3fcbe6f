/** The three timed training configurations, shared by our loop and the PyTorch reference. */
export type BenchConfig = {
  name: string;
  sizes: number[];
  batchSize: number;
  /** "spirals" uses the 2-D generator; "random" is MNIST-shaped noise (timing does not need real digits). */
  data: "spirals" | "random";
  rows: number;
};

export const BENCH_CONFIGS: BenchConfig[] = [
  { name: "core.train.b", sizes: [2, 16, 16, 2], batchSize: 32, data: "spirals", rows: 8192 },
  { name: "core.train.a", sizes: [784, 128, 64, 10], batchSize: 64, data: "random", rows: 8192 },
  { name: "core.train.c", sizes: [784, 512, 512, 10], batchSize: 256, data: "random", rows: 8192 },
];

/** Floating-point operations per training sample: forward, weight gradient and input gradient (none for layer 0). */
export function flopsPerSample(sizes: number[]): number {
  let flops = 0;
  for (let l = 0; l + 1 < sizes.length; l++) {
    const macs = (sizes[l] as number) * (sizes[l + 1] as number);
    flops += 2 * macs * (l === 0 ? 2 : 3);
  }
  return flops;
}
