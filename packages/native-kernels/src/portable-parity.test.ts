/**
 * The native kernels that must give the portable TypeScript code's bits: the portable-order sgemm (narrow
 * layers, so the browser playground matches the worker), the SGD and Adam steps, and the dense passes.
 */
import {
  type ActivationConfig,
  createNetwork,
  createOptimizer,
  jsSgemm,
  lossForward,
  type OptimizerKind,
  setGemmBackend,
} from "@actlab/core";
import { afterEach, describe, expect, it } from "vitest";
import { nativeGemmBackend, nativeKernelsStatus } from "./index";

function backend() {
  if (!nativeGemmBackend) throw new Error(`native addon not loaded: ${nativeKernelsStatus()}`);
  return nativeGemmBackend;
}

/** Values with every exponent a training run meets, signed zeros included. */
function awkwardValues(length: number, seed: number): Float32Array {
  const out = new Float32Array(length);
  let s = seed >>> 0;
  for (let i = 0; i < length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const scale = 2 ** ((s % 41) - 20);
    out[i] = i % 97 === 0 ? -0 : ((s / 2 ** 32) * 2 - 1) * scale;
  }
  return out;
}

const bits = (a: Float32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

describe("the portable-order sgemm", () => {
  // Narrow layers' products (rows × ≤16 × ≤16 and the weight gradient over many rows), odd sizes, and
  // a wide one: every element must be the TypeScript kernel's float.
  const shapes: [number, number, number][] = [
    [1, 1, 1],
    [32, 16, 2],
    [1024, 16, 16],
    [16, 16, 1000],
    [2, 16, 600],
    [37, 3, 13],
    [9, 130, 7],
    [70, 70, 70],
  ];
  for (const [m, n, k] of shapes) {
    for (const transA of [false, true]) {
      for (const transB of [false, true]) {
        for (const beta of [0, 1] as const) {
          it(`gives the TypeScript kernel's bits for ${m}×${n}×${k} transA=${transA} transB=${transB} beta=${beta}`, () => {
            const A = awkwardValues(3 + m * k, m + 7 * k);
            const B = awkwardValues(5 + k * n, n + 11 * k);
            const C = awkwardValues(2 + m * n + 3, m * n + 1);
            const expected = C.slice();
            jsSgemm(transA, transB, m, n, k, A, 3, B, 5, expected, 2, beta);
            const got = C.slice();
            backend().portableOrderSgemm?.(transA, transB, m, n, k, A, 3, B, 5, got, 2, beta);
            expect(bits(got).equals(bits(expected))).toBe(true);
          });
        }
      }
    }
  }
});

describe("the native optimiser steps", () => {
  afterEach(() => setGemmBackend(null));

  /** Twenty steps on the same parameters and gradients, with or without the native backend plugged. */
  function train(kind: OptimizerKind, native: boolean): Float32Array[] {
    setGemmBackend(native ? backend() : null);
    const size = 5000;
    const params = awkwardValues(size, 1);
    const config = { optimizer: kind, momentum: 0.9, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0.01 };
    const opt = createOptimizer(config, size);
    for (let t = 0; t < 20; t++) opt.step(params, awkwardValues(size, t + 2), 0.01 * (1 + t / 7));
    return [params, ...opt.state];
  }

  for (const kind of ["sgd", "adam", "adamw"] as const) {
    it(`${kind} gives the TypeScript update's bits`, () => {
      const portable = train(kind, false);
      const native = train(kind, true);
      expect(native.map(bits)).toEqual(portable.map(bits));
    });
  }

  it("actually runs natively for these sizes (a spy on the plugged kernels sees the calls)", () => {
    const calls: string[] = [];
    const real = backend();
    const optimizer = real.optimizer;
    if (!optimizer) throw new Error("the native backend has no optimiser steps");
    setGemmBackend({
      ...real,
      optimizer: {
        sgdStep: (...a) => {
          calls.push("sgd");
          optimizer.sgdStep(...a);
        },
        adamStep: (...a) => {
          calls.push("adam");
          optimizer.adamStep(...a);
        },
      },
    });
    for (const kind of ["sgd", "adam"] as const) {
      const config = { optimizer: kind, momentum: 0, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0 };
      createOptimizer(config, 5000).step(awkwardValues(5000, 1), awkwardValues(5000, 2), 0.01);
    }
    expect(calls).toEqual(["sgd", "adam"]);
  });
});

const RELU = {
  name: "relu",
  leakySlope: 0.01,
  preluMode: "layer",
  preluInit: 0.25,
  swishBeta: 1,
  swishLearnBeta: false,
  mixOf: [],
} as const satisfies ActivationConfig;

describe("the native dense passes", () => {
  afterEach(() => setGemmBackend(null));

  /** One forward and backward of a ReLU net; the products stay portable so only the passes differ. */
  function gradients(native: boolean, activation: ActivationConfig = RELU): Float32Array[] {
    const passes = backend().densePasses;
    setGemmBackend(native ? { name: "passes", sgemm: jsSgemm, densePasses: passes } : null);
    const rows = 96;
    const sizes = [20, 40, 33, 5];
    const net = createNetwork(sizes, activation, rows);
    net.params.set(awkwardValues(net.params.length, 9));
    const x = awkwardValues(rows * 20, 4);
    const labels = Int32Array.from({ length: rows }, (_, r) => r % 5);
    const out = net.forward(x, rows);
    lossForward("cross_entropy", out, labels, 0, rows, 5, net.dOut);
    net.backward(x, rows);
    return [out.slice(), ...net.a.map((a) => a.slice()), net.grads.slice()];
  }

  it("give the TypeScript ReLU and bias-gradient bits: activations, outputs and every gradient", () => {
    expect(gradients(true).map(bits)).toEqual(gradients(false).map(bits));
  });

  it("give the TypeScript PReLU's bits with one α for the layer, and leave per-unit α to TypeScript", () => {
    for (const preluMode of ["layer", "unit"] as const) {
      const prelu = { ...RELU, name: "prelu", preluMode, preluInit: 0.19 } as const;
      expect(gradients(true, prelu).map(bits)).toEqual(gradients(false, prelu).map(bits));
    }
  });

  it("give the TypeScript leaky ReLU's bits at a run's slope", () => {
    const leaky = { ...RELU, name: "leaky_relu", leakySlope: 0.13 } as const;
    expect(gradients(true, leaky).map(bits)).toEqual(gradients(false, leaky).map(bits));
  });

  // Their exponentials and tanh come from the backend's batched functions; the rest stays in TypeScript.
  const BATCH_MATH_ACTIVATIONS = [
    { ...RELU, name: "sigmoid" },
    { ...RELU, name: "softplus" },
    { ...RELU, name: "mish" },
    { ...RELU, name: "tanh" },
    { ...RELU, name: "gelu_tanh" },
    { ...RELU, name: "gelu" },
    { ...RELU, name: "elu" },
    { ...RELU, name: "selu" },
    { ...RELU, name: "swish", swishBeta: 1.7 },
    { ...RELU, name: "swish", swishLearnBeta: true },
    { ...RELU, name: "mix", mixOf: ["swish", "tanh", "relu"] },
  ] as const satisfies readonly ActivationConfig[];
  for (const activation of BATCH_MATH_ACTIVATIONS) {
    const label = `${activation.name}${activation.swishLearnBeta ? " (learned β)" : ""}`;
    it(`give the TypeScript ${label} bits with the batched functions`, () => {
      expect(gradients(true, activation).map(bits)).toEqual(gradients(false, activation).map(bits));
    });
  }

  it("are the ones that run for ReLU, leaky ReLU, PReLU, ELU, softplus, swish, tanh and GELU layers of 96 × 40 (a spy sees them)", () => {
    const real = backend().densePasses;
    if (!real) throw new Error("the native backend has no dense passes");
    const calls = new Set<string>();
    setGemmBackend({
      name: "spy",
      sgemm: jsSgemm,
      densePasses: {
        reluForward: (...a) => {
          calls.add("reluForward");
          real.reluForward(...a);
        },
        reluBackwardBiasGrad: (...a) => {
          calls.add("reluBackwardBiasGrad");
          real.reluBackwardBiasGrad(...a);
        },
        columnSums: (...a) => {
          calls.add("columnSums");
          real.columnSums(...a);
        },
        gatherRows: real.gatherRows,
        leakyReluForward: (...a) => {
          calls.add("leakyReluForward");
          real.leakyReluForward(...a);
        },
        leakyReluBackwardBiasGrad: (...a) => {
          calls.add("leakyReluBackwardBiasGrad");
          real.leakyReluBackwardBiasGrad(...a);
        },
        preluBackwardBiasGrad: (...a) => {
          calls.add("preluBackwardBiasGrad");
          return real.preluBackwardBiasGrad(...a);
        },
        expScaled: (...a) => {
          calls.add("expScaled");
          real.expScaled(...a);
        },
        expScaledAbs: (...a) => {
          calls.add("expScaledAbs");
          real.expScaledAbs(...a);
        },
        tanhInPlace: (...a) => {
          calls.add("tanhInPlace");
          real.tanhInPlace(...a);
        },
        expInPlace: (...a) => {
          calls.add("expInPlace");
          real.expInPlace(...a);
        },
        log1pInPlace: (...a) => {
          calls.add("log1pInPlace");
          real.log1pInPlace(...a);
        },
        expm1InPlace: (...a) => {
          calls.add("expm1InPlace");
          real.expm1InPlace(...a);
        },
      },
    });
    const x = awkwardValues(96 * 20, 4);
    const exps = [
      { ...RELU, name: "softplus" } as const,
      { ...RELU, name: "swish" } as const,
      { ...RELU, name: "tanh" } as const,
      { ...RELU, name: "gelu" } as const,
      { ...RELU, name: "prelu" } as const,
      { ...RELU, name: "elu" } as const,
    ];
    for (const activation of [RELU, { ...RELU, name: "leaky_relu" } as const, ...exps]) {
      const net = createNetwork([20, 40, 40, 40], activation, 96);
      net.forward(x, 96);
      net.dOut.set(awkwardValues(96 * 40, 5));
      net.backward(x, 96);
    }
    expect([...calls].sort()).toEqual([
      "columnSums",
      "expInPlace",
      "expScaled",
      "expScaledAbs",
      "expm1InPlace",
      "leakyReluBackwardBiasGrad",
      "leakyReluForward",
      "log1pInPlace",
      "preluBackwardBiasGrad",
      "reluBackwardBiasGrad",
      "reluForward",
      "tanhInPlace",
    ]);
  });
});

describe("the native batch gather", () => {
  it("copies the rows the order names, and refuses a row outside the data", () => {
    const gather = backend().densePasses?.gatherRows;
    if (!gather) throw new Error("the native backend has no gatherRows");
    const src = awkwardValues(10 * 3, 2);
    const order = Int32Array.from([9, 0, 4, 4, 7]);
    const out = new Float32Array(3 * 3);
    gather(src, 3, order, 1, 3, out);
    const expected = [0, 4, 4].flatMap((row) => [...src.subarray(row * 3, row * 3 + 3)]);
    expect(bits(out).equals(bits(Float32Array.from(expected)))).toBe(true);
    expect(() => gather(src, 3, Int32Array.from([10]), 0, 1, out)).toThrow(RangeError);
  });
});
