/**
 * The thread pool must not change a bit: every kernel set's sgemm and the optimiser steps give the same
 * floats for 1, 2 and 3 threads, as do the ReLU forward passes and the batch gather, and a whole training gives
 * the same weights and metrics.
 */
import { createHash } from "node:crypto";
import {
  createRng,
  createTraining,
  type Dataset,
  setGemmBackend,
  splitByReproducibility,
  ZTrainConfig,
} from "@actlab/core";
import { afterEach, describe, expect, it } from "vitest";
import { type NativeGemmBackend, nativeGemmBackend, nativeGemmBackends, nativeKernelsStatus } from "./index";

function backend(): NativeGemmBackend {
  if (!nativeGemmBackend) throw new Error(`native addon not loaded: ${nativeKernelsStatus()}`);
  return nativeGemmBackend;
}

function randomValues(length: number, seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length }, () => rng.next() * 2 - 1);
}

/** A digest of the raw bytes (-0 and NaN payloads included), short enough to read in a failure. */
const bits = (a: Float32Array) =>
  createHash("sha256")
    .update(Buffer.from(a.buffer, a.byteOffset, a.byteLength))
    .digest("hex");

afterEach(() => {
  backend().setThreads(1);
  setGemmBackend(null);
});

describe("the thread pool's size", () => {
  it("is settable at run time and reported by the status line", () => {
    backend().setThreads(3);
    expect(backend().threads()).toBe(3);
    expect(nativeKernelsStatus()).toMatch(/3 thread\(s\)/);
    backend().setThreads(1);
    expect(backend().threads()).toBe(1);
  });

  it("refuses a count that is not an integer from 1 to 256, and keeps the old one", () => {
    backend().setThreads(2);
    for (const bad of [0, 257, 1.5, -1, Number.NaN]) {
      expect(() => backend().setThreads(bad), String(bad)).toThrow(RangeError);
    }
    expect(() => backend().setThreads("2" as unknown as number)).toThrow(TypeError);
    expect(backend().threads()).toBe(2);
  });
});

describe("sgemm across thread counts", () => {
  // Above the single-thread threshold (4 Mi multiply-adds), odd sizes on both sides, bands split by rows
  // (m ≥ n) and by columns, and fewer tiles than threads (8×40: two 32-wide column tiles).
  const shapes: [number, number, number][] = [
    [257, 131, 129],
    [300, 517, 33],
    [256, 512, 784],
    [1000, 7, 700],
    [5, 1001, 900],
    [8, 40, 20000],
  ];
  for (const [m, n, k] of shapes) {
    for (const [transA, transB] of [
      [false, false],
      [false, true],
      [true, false],
      [true, true],
    ] as const) {
      it(`gives the same bits for 1, 2 and 3 threads on every kernel set: ${m}×${n}×${k} transA=${transA} transB=${transB}`, () => {
        const A = randomValues(m * k, m + k);
        const B = randomValues(k * n, n + 3 * k);
        const C0 = randomValues(m * n, m * n);
        const results = new Map<string, string>();
        for (const b of nativeGemmBackends) {
          for (const beta of [0, 1] as const) {
            for (const threads of [1, 2, 3]) {
              b.setThreads(threads);
              const C = C0.slice();
              b.sgemm(transA, transB, m, n, k, A, 0, B, 0, C, 0, beta);
              results.set(`${b.name} beta=${beta} threads=${threads}`, bits(C));
            }
          }
        }
        for (const b of nativeGemmBackends) {
          for (const beta of [0, 1]) {
            const one = results.get(`${b.name} beta=${beta} threads=1`);
            expect(results.get(`${b.name} beta=${beta} threads=2`), `${b.name} beta=${beta}`).toBe(one);
            expect(results.get(`${b.name} beta=${beta} threads=3`), `${b.name} beta=${beta}`).toBe(one);
          }
        }
        // AVX-512 and AVX2 share the FMA chain, split or not.
        const fma = nativeGemmBackends.filter((b) => b.name !== "native-scalar");
        for (const b of fma) {
          expect(results.get(`${b.name} beta=1 threads=3`)).toBe(
            results.get(`${fma[0]?.name} beta=1 threads=1`),
          );
        }
      });
    }
  }

  it("writes every band of C with 3 threads", () => {
    // With beta 0, a band left unwritten would keep C's NaN fill.
    backend().setThreads(3);
    const [m, n, k] = [600, 600, 64];
    const C = new Float32Array(m * n).fill(Number.NaN);
    backend().sgemm(false, false, m, n, k, randomValues(m * k, 1), 0, randomValues(k * n, 2), 0, C, 0, 0);
    expect(C.every((x) => Number.isFinite(x))).toBe(true);
  });
});

describe("the optimiser steps across thread counts", () => {
  // 300 001 elements: four 64 Ki ranges with 3 threads, one ragged end.
  const size = 300_001;
  function steps(threads: number): string[] {
    backend().setThreads(threads);
    const { sgdStep, adamStep } = backend().optimizer ?? {};
    if (!sgdStep || !adamStep) throw new Error("the native backend has no optimiser steps");
    const sgd = randomValues(size, 1);
    const [p, m, v] = [randomValues(size, 2), new Float32Array(size), new Float32Array(size)];
    for (let t = 1; t <= 3; t++) {
      const g = randomValues(size, 10 + t);
      sgdStep(sgd, g, 0.01 * t);
      adamStep(p, g, m, v, 0.9, 0.999, 1e-8, 0.001 / (1 - 0.9 ** t), Math.sqrt(1 - 0.999 ** t), 0.99);
    }
    return [sgd, p, m, v].map(bits);
  }

  it("gives the same SGD and AdamW bits for 1, 2 and 3 threads", () => {
    const one = steps(1);
    expect(steps(2)).toEqual(one);
    expect(steps(3)).toEqual(one);
  });
});

describe("the elementwise passes across thread counts", () => {
  it("gives the same ReLU and leaky ReLU forward bits and the same gathered batch for 1, 2 and 3 threads", () => {
    const n = 200_003;
    const z = randomValues(n, 4);
    const [d, rows] = [601, 300];
    const src = randomValues(d * 1000, 5);
    const order = Int32Array.from({ length: 1000 }, (_, i) => (i * 389) % 1000);
    const passes = (threads: number) => {
      backend().setThreads(threads);
      const dense = backend().densePasses;
      if (!dense) throw new Error("the native backend has no dense passes");
      const [relu, leaky, batch] = [new Float32Array(n), new Float32Array(n), new Float32Array(d * rows)];
      dense.reluForward(z, relu, n);
      dense.leakyReluForward(z, leaky, n, 0.01);
      dense.gatherRows(src, d, order, 7, rows, batch);
      return [relu, leaky, batch].map(bits);
    };
    const one = passes(1);
    expect(passes(2)).toEqual(one);
    expect(passes(3)).toEqual(one);
    // Every gathered row is the source row the order names, whichever thread copied it.
    backend().setThreads(3);
    const batch = new Float32Array(d * rows);
    backend().densePasses?.gatherRows(src, d, order, 7, rows, batch);
    const last = order[7 + rows - 1] as number;
    expect(bits(batch.subarray((rows - 1) * d))).toBe(bits(src.subarray(last * d, (last + 1) * d)));
  });
});

describe("a whole training across thread counts", () => {
  // Wide enough that the hidden layers' products, the ReLU forward passes, the batch gather and the
  // optimiser step are all split.
  const [inputs, classes, rows] = [600, 10, 1024];
  const rng = createRng(7);
  const dataset: Dataset = {
    name: "random",
    features: Float32Array.from({ length: rows * inputs }, () => rng.next()),
    labels: Int32Array.from({ length: rows }, () => rng.int(classes)),
    rows,
    numFeatures: inputs,
    numClasses: classes,
    featureNames: Array.from({ length: inputs }, (_, i) => `x${i}`),
    classNames: Array.from({ length: classes }, (_, i) => `${i}`),
    hash: `random-${rows}x${inputs}`,
  };

  function train(threads: number, optimizer: "sgd" | "adam") {
    setGemmBackend(backend());
    backend().setThreads(threads);
    const config = ZTrainConfig.parse({
      dataset: { kind: "generated", name: "spirals" },
      hiddenLayers: [512, 512],
      activation: "relu",
      optimizer,
      lr: 0.01,
      batchSize: 256,
      epochs: 2,
      seed: 3,
    });
    const training = createTraining(config, dataset);
    const metrics: Record<string, number>[] = [];
    for (const e of training) {
      if (e.type !== "epoch") continue;
      const { reproducible } = splitByReproducibility(Object.keys(e.metrics));
      metrics.push(Object.fromEntries(reproducible.map((key) => [key, e.metrics[key] as number])));
    }
    return { metrics, checkpoint: createHash("sha256").update(training.checkpoint()).digest("hex") };
  }

  for (const optimizer of ["sgd", "adam"] as const) {
    it(`gives identical weights and metrics for 1 and 2 threads (${optimizer})`, () => {
      const one = train(1, optimizer);
      const two = train(2, optimizer);
      expect(one.metrics.length).toBe(2);
      expect(two.metrics).toEqual(one.metrics);
      expect(two.checkpoint).toBe(one.checkpoint);
    });
  }
});
