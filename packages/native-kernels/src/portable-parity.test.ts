/**
 * The native kernels that must give the portable TypeScript code's bits: the portable-order sgemm (narrow
 * layers, so the browser playground matches the worker) and the SGD and Adam steps.
 */
import { createOptimizer, jsSgemm, type OptimizerKind, setGemmBackend } from "@actlab/core";
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
