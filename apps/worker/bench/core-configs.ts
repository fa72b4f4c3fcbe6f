/** The timed training configurations, shared by our loop and the PyTorch reference. */
import { HIDDEN_ACTIVATIONS, type HiddenActivationName } from "@actlab/core";

export type BenchConfig = {
  name: string;
  sizes: number[];
  batchSize: number;
  /** "spirals" uses the 2-D generator; "random" is MNIST-shaped noise (timing does not need real digits). */
  data: "spirals" | "random";
  rows: number;
  optimizer: "sgd" | "adam";
  /** The hidden layers' activation (PyTorch's reference always runs ReLU). */
  activation: HiddenActivationName;
};

const B = { sizes: [2, 16, 16, 2], batchSize: 32, data: "spirals", rows: 8192 } as const;
const A = { sizes: [784, 128, 64, 10], batchSize: 64, data: "random", rows: 8192 } as const;
const C = { sizes: [784, 512, 512, 10], batchSize: 256, data: "random", rows: 8192 } as const;
const SGD_RELU = { optimizer: "sgd", activation: "relu" } as const;

/** Against PyTorch, on every backend: the three sizes with SGD, and the two MNIST sizes with Adam. */
export const BENCH_CONFIGS: BenchConfig[] = [
  { name: "core.train.b", ...B, ...SGD_RELU, sizes: [...B.sizes] },
  { name: "core.train.a", ...A, ...SGD_RELU, sizes: [...A.sizes] },
  { name: "core.train.c", ...C, ...SGD_RELU, sizes: [...C.sizes] },
  { name: "core.train.a.adam", ...A, optimizer: "adam", activation: "relu", sizes: [...A.sizes] },
  { name: "core.train.c.adam", ...C, optimizer: "adam", activation: "relu", sizes: [...C.sizes] },
];

/** Activations built on exp or erf (allowed 40% slower than ReLU; the others 15%). */
export const EXP_OR_ERF_ACTIVATIONS: ReadonlySet<HiddenActivationName> = new Set([
  "elu",
  "gelu",
  "gelu_tanh",
  "mish",
  "selu",
  "sigmoid",
  "softplus",
  "swish",
  "tanh",
  "mix",
]);

/** Config a with each hidden activation and SGD, native only, each compared with ReLU's rate. */
export function activationConfigs(): BenchConfig[] {
  return HIDDEN_ACTIVATIONS.filter((a) => a !== "relu").map((activation) => ({
    name: `core.train.a.${activation}`,
    ...A,
    sizes: [...A.sizes],
    optimizer: "sgd",
    activation,
  }));
}

/** Floating-point operations per training sample: forward, weight gradient and input gradient (none for layer 0). */
export function flopsPerSample(sizes: number[]): number {
  let flops = 0;
  for (let l = 0; l + 1 < sizes.length; l++) {
    const macs = (sizes[l] as number) * (sizes[l + 1] as number);
    flops += 2 * macs * (l === 0 ? 2 : 3);
  }
  return flops;
}
