import { describe, expect, it } from "vitest";
import type { ActivationConfig } from "../activations/types";
import { ZActivationOptions } from "../config";
import { createRng } from "../rng";
import { lossForward } from "./losses";
import { createNetwork, type Network } from "./network";

const options = ZActivationOptions.parse({});
const act = (over: Partial<ActivationConfig> & Pick<ActivationConfig, "name">): ActivationConfig => ({
  ...options,
  ...over,
});

const rows = 5;
const sizes = [3, 4, 3, 3];
const rng = createRng(11);
const x = Float32Array.from({ length: rows * 3 }, () => rng.normal());
const labels = Int32Array.of(0, 1, 2, 1, 0);

function randomised(config: ActivationConfig): Network {
  const net = createNetwork(sizes, config, rows);
  const r = createRng(5);
  for (const layer of net.dense) {
    for (let i = 0; i < layer.W.length; i++) layer.W[i] = r.normal() * 0.8;
    for (let i = 0; i < layer.b.length; i++) layer.b[i] = r.normal() * 0.3;
  }
  return net;
}

const lossOf = (net: Network): number =>
  lossForward("cross_entropy", net.forward(x, rows), labels, 0, rows, 3, null);

describe("createNetwork", () => {
  it("computes z = a·Wᵀ + b for a single layer", () => {
    const net = createNetwork([2, 3], act({ name: "tanh" }), 2);
    net.params.set([1, 2, 3, 4, 5, 6, 0.5, -0.5, 1]);
    const out = net.forward(Float32Array.of(1, -1, 2, 0.5), 2);
    expect(Array.from(out.subarray(0, 6))).toEqual([-0.5, -1.5, 0, 3.5, 7.5, 14]);
  });

  it("lays parameters out as W, b, activation parameters per layer", () => {
    const net = createNetwork(sizes, act({ name: "prelu", preluMode: "unit" }), rows);
    expect(net.params.length).toBe(4 * 3 + 4 + 4 + 3 * 4 + 3 + 3 + 3 * 3 + 3);
    expect(net.activationParamRanges).toEqual([
      [16, 20],
      [35, 38],
    ]);
    expect(Array.from(net.weightRanges)).toEqual([0, 12, 20, 32, 38, 47]);
    expect(net.params[16]).toBeCloseTo(0.25, 6);
  });

  it("refuses batches larger than its buffers", () => {
    const net = createNetwork(sizes, act({ name: "relu" }), 2);
    expect(() => net.forward(x, 3)).toThrow(/exceeds/);
  });

  // Finite differences on the float32 network: h = 1e-2 keeps float32 rounding of the loss (~1e-7)
  // below 1e-5 in the quotient, and the O(h²) truncation of smooth functions near 1e-4.
  const configs: ActivationConfig[] = [
    act({ name: "tanh" }),
    act({ name: "sigmoid" }),
    act({ name: "prelu", preluMode: "unit", preluInit: 0.3 }),
    act({ name: "swish", swishLearnBeta: true, swishBeta: 1.2 }),
    act({ name: "mix", mixOf: ["relu", "tanh", "sigmoid"] }),
    act({ name: "elu" }),
  ];
  for (const config of configs) {
    it(`has end-to-end gradients matching finite differences, activation parameters included (${config.name})`, () => {
      const net = randomised(config);
      net.syncActivationParams();
      const out = net.forward(x, rows);
      lossForward("cross_entropy", out, labels, 0, rows, 3, net.dOut);
      net.backward(x, rows);
      const analytic = Float32Array.from(net.grads);
      const h = 1e-2;
      let checked = 0;
      for (let i = 0; i < net.params.length; i++) {
        const p = net.params[i] as number;
        net.params[i] = p + h;
        net.syncActivationParams();
        const up = lossOf(net);
        net.params[i] = p - h;
        net.syncActivationParams();
        const down = lossOf(net);
        net.params[i] = p;
        net.syncActivationParams();
        const fd = (up - down) / (2 * h);
        const g = analytic[i] as number;
        expect(Math.abs(fd - g), `param ${i}: fd ${fd} vs ${g}`).toBeLessThan(2e-3 + 2e-2 * Math.abs(g));
        checked++;
      }
      expect(checked).toBe(net.params.length);
      // The activation's own parameters got a non-trivial gradient where it has any.
      for (const [start, end] of net.activationParamRanges) {
        if (end > start)
          expect(Math.max(...Array.from(analytic.subarray(start, end), Math.abs))).toBeGreaterThan(0);
      }
    });
  }
});
