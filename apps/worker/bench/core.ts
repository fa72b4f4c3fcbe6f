/**
 * pnpm bench core: training throughput of our loop (createTraining, plain SGD, float32) on three network
 * sizes, per gemm backend, interleaved with PyTorch (one thread, its best OpenBLAS kernel) when it is
 * installed; a first line says which BLAS PyTorch ran on, and no ratio is printed against the reference BLAS.
 */
import { spawn, spawnSync } from "node:child_process";
import { join } from "node:path";
import { createInterface } from "node:readline";
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
import { blasKind, ratioRefusal, type TorchBlasReport } from "./torch-blas";

const WARMUP_MS = 500;
// The machine is shared: ours and PyTorch's 1-second rounds alternate, and each side reports its median,
// so a burst of load from elsewhere hits both.
const ROUNDS = 5;
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

/** One timed round of the training loop, in samples/s, after a warm-up; epochs end without evaluation or diagnostics. */
function oursRounds(cfg: BenchConfig, dataset: Dataset): () => number {
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
  return () => {
    const [samples, seconds] = run(ROUND_MS);
    return samples / seconds;
  };
}

function torchEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // torch.set_num_threads(1) leaves OpenBLAS's own pool alone: without these it uses every core.
    OPENBLAS_NUM_THREADS: "1",
    OMP_NUM_THREADS: "1",
    MKL_NUM_THREADS: "1",
  };
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  return env;
}

type TorchHelper = {
  report: TorchBlasReport;
  round: (cfg: BenchConfig) => Promise<number>;
  close: () => void;
};

/** A long-lived torch_train.py, so our rounds and PyTorch's interleave on the same (shared) machine. */
async function startTorch(): Promise<TorchHelper | null> {
  if (spawnSync(PYTHON, ["-c", "import torch"]).status !== 0) return null;
  const child = spawn(PYTHON, [join(import.meta.dirname, "torch_train.py")], {
    env: torchEnv(),
    stdio: ["pipe", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const nextJson = async (): Promise<unknown> => {
    const l = await lines.next();
    if (l.done) throw new Error("torch_train.py exited early");
    return JSON.parse(l.value);
  };
  const report = (await nextJson()) as TorchBlasReport;
  return {
    report,
    round: async (cfg) => {
      child.stdin.write(`${JSON.stringify(cfg)}\n`);
      return ((await nextJson()) as { samples_per_s: number }).samples_per_s;
    },
    close: () => child.stdin.end(),
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

const native: GemmBackend | null = nativeGemmBackend;
const backends: [string, GemmBackend | null][] = [["js", null]];
if (native) backends.push(["native", native]);
const torch = await startTorch();
const refusal = torch ? ratioRefusal(torch.report) : "python3-torch is not installed";
console.log(
  JSON.stringify({
    name: "core.torch.yardstick",
    blas: torch ? blasKind(torch.report) : null,
    ...(torch ? { report: torch.report } : {}),
    how: "PyTorch one thread (torch.set_num_threads(1), OPENBLAS_NUM_THREADS=1), OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset so OpenBLAS runs the kernel it picks for this CPU",
    ...(refusal ? { ratio_refused: refusal } : {}),
  }),
);

for (const cfg of BENCH_CONFIGS) {
  const dataset = datasetFor(cfg);
  for (const [name, backend] of backends) {
    setGemmBackend(backend);
    const ours = oursRounds(cfg, dataset);
    const oursRates: number[] = [];
    const torchRates: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      oursRates.push(ours());
      if (torch) torchRates.push(await torch.round(cfg));
    }
    const value = median(oursRates);
    const t = torch ? median(torchRates) : null;
    const line = {
      name: cfg.name,
      value: Math.round(value),
      unit: "samples/s",
      statistic: `median of ${ROUNDS} 1-s rounds, interleaved with PyTorch's`,
      gflops: Number(((value * flopsPerSample(cfg.sizes)) / 1e9).toFixed(3)),
      backend: name,
      config: {
        sizes: cfg.sizes,
        batchSize: cfg.batchSize,
        data: cfg.data,
        optimizer: "sgd",
        activation: "relu",
      },
      ...(t ? { torch: Math.round(t), torch_threads: 1 } : {}),
      ...(t && !refusal ? { ratio: Number((value / t).toFixed(3)) } : {}),
    };
    console.log(JSON.stringify(line));
  }
}
setGemmBackend(null);
torch?.close();
