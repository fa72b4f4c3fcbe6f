/**
 * pnpm bench core: training throughput of our loop (createTraining, plain SGD, float32) on three network
 * sizes, per gemm backend, next to PyTorch's when it is installed. One JSON object per line.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import {
  createRng,
  createTraining,
  type Dataset,
  type GemmBackend,
  generateDataset,
  setGemmBackend,
  ZTrainConfig,
} from "@actlab/core";
import { nativeGemmBackend } from "@actlab/native-kernels";
import { BENCH_CONFIGS, type BenchConfig, flopsPerSample } from "./core-configs";

const WARMUP_MS = 500;
// The machine is shared: the best of three 1-second rounds is steadier than one 3-second average,
// and torch_train.py measures the same way.
const ROUNDS = 3;
const ROUND_MS = 1000;
const PYTHON = "/usr/bin/python3";

function datasetFor(cfg: BenchConfig): Dataset {
  if (cfg.data === "spirals") {
    return generateDataset({
      kind: "generated",
      name: "spirals",
      samples: cfg.rows,
      noise: 0.1,
      classes: 2,
      seed: 1,
    });
  }
  const inputs = cfg.sizes[0] as number;
  const classes = cfg.sizes[cfg.sizes.length - 1] as number;
  const rng = createRng(1);
  return {
    name: "random",
    features: Float32Array.from({ length: cfg.rows * inputs }, () => rng.next()),
    labels: Int32Array.from({ length: cfg.rows }, () => rng.int(classes)),
    rows: cfg.rows,
    numFeatures: inputs,
    numClasses: classes,
    featureNames: Array.from({ length: inputs }, (_, i) => `x${i}`),
    classNames: Array.from({ length: classes }, (_, i) => `${i}`),
    hash: `random-${cfg.rows}x${inputs}`,
  };
}

/** Samples per second of the training loop (best round after a warm-up); epochs end without evaluation or diagnostics. */
function timeOurs(cfg: BenchConfig, dataset: Dataset): number {
  // Every step then holds a full batch, so samples = steps × batchSize.
  if (cfg.rows % cfg.batchSize !== 0)
    throw new Error(`${cfg.name}: rows must be a multiple of the batch size`);
  const config = ZTrainConfig.parse({
    dataset: { kind: "generated", name: "spirals" },
    hiddenLayers: cfg.sizes.slice(1, -1),
    activation: "relu",
    optimizer: "sgd",
    lr: 0.01,
    batchSize: cfg.batchSize,
    epochs: 1000,
    split: { validation: 0, test: 0 },
    diagnostics: { everyEpochs: 1000, probeSize: 8 },
  });
  const training = createTraining(config, dataset);
  const run = (ms: number): [number, number] => {
    let samples = 0;
    const start = performance.now();
    const deadline = start + ms;
    for (let n = 0; ; n++) {
      const e = training.next();
      if (e.done || e.value.type === "end") throw new Error("bench run ended early: raise its epochs");
      if (e.value.type !== "step") continue;
      samples += cfg.batchSize;
      // Reading the clock every step would cost more than a small step itself.
      if ((n & 63) === 0 && performance.now() > deadline) break;
    }
    return [samples, (performance.now() - start) / 1000];
  };
  run(WARMUP_MS);
  let best = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const [samples, seconds] = run(ROUND_MS);
    best = Math.max(best, samples / seconds);
  }
  return best;
}

function torchFigures(): Record<string, number> | null {
  if (spawnSync(PYTHON, ["-c", "import torch"]).status !== 0) return null;
  const out = spawnSync(PYTHON, [join(import.meta.dirname, "torch_train.py")], {
    input: JSON.stringify(BENCH_CONFIGS),
    encoding: "utf8",
    // torch.set_num_threads(1) leaves OpenBLAS's own thread pool alone: without these, Debian's
    // PyTorch multiplies matrices on every core, and the "one thread" yardstick is not one thread.
    env: { ...process.env, OPENBLAS_NUM_THREADS: "1", OMP_NUM_THREADS: "1", MKL_NUM_THREADS: "1" },
  });
  if (out.status !== 0) throw new Error(`torch_train.py failed: ${out.stderr}`);
  return JSON.parse(out.stdout) as Record<string, number>;
}

const native: GemmBackend | null = nativeGemmBackend;
const backends: [string, GemmBackend | null][] = [["js", null]];
if (native) backends.push(["native", native]);
const torch = torchFigures();

for (const cfg of BENCH_CONFIGS) {
  const dataset = datasetFor(cfg);
  for (const [name, backend] of backends) {
    setGemmBackend(backend);
    const value = timeOurs(cfg, dataset);
    const t = torch?.[cfg.name];
    const line = {
      name: cfg.name,
      value: Math.round(value),
      unit: "samples/s",
      gflops: Number(((value * flopsPerSample(cfg.sizes)) / 1e9).toFixed(3)),
      backend: name,
      config: {
        sizes: cfg.sizes,
        batchSize: cfg.batchSize,
        data: cfg.data,
        optimizer: "sgd",
        activation: "relu",
      },
      ...(t ? { torch: Math.round(t), torch_threads: 1, ratio: Number((value / t).toFixed(3)) } : {}),
    };
    console.log(JSON.stringify(line));
  }
}
setGemmBackend(null);
