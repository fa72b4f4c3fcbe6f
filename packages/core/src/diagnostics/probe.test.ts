import { describe, expect, it } from "vitest";
import type { ActivationConfig } from "../activations/types";
import { ZActivationOptions } from "../config";
import { l2Norm } from "../nn/clip";
import { lossForward } from "../nn/losses";
import { createNetwork, type Network } from "../nn/network";
import { createRng } from "../rng";
import { createDiagnosticsProbe } from "./probe";

const rows = 32;
const rng = createRng(4);
const x = Float32Array.from({ length: rows * 3 }, () => rng.normal());
const labels = Int32Array.from({ length: rows }, (_, i) => i % 2);

function network(over: Partial<ActivationConfig> & Pick<ActivationConfig, "name">): Network {
  const net = createNetwork([3, 6, 4, 2], { ...ZActivationOptions.parse({}), ...over }, rows);
  const r = createRng(9);
  for (const layer of net.dense) for (let i = 0; i < layer.W.length; i++) layer.W[i] = r.normal() * 0.5;
  return net;
}

const measure = (net: Network) =>
  createDiagnosticsProbe(rows, 6).measure(net, "cross_entropy", x, labels, rows);

describe("diagnostics probe", () => {
  it("reports per-layer gradient and weight norms of the probe batch, and their first/last ratio", () => {
    const net = network({ name: "tanh" });
    const m = measure(net);
    lossForward("cross_entropy", net.forward(x, rows), labels, 0, rows, 2, net.dOut);
    net.backward(x, rows);
    expect(m["diag/l1/grad_norm"]).toBeCloseTo(l2Norm(net.dense[0]?.dW ?? new Float32Array()), 10);
    expect(m["diag/out/grad_norm"]).toBeCloseTo(l2Norm(net.dense[2]?.dW ?? new Float32Array()), 10);
    expect(m["diag/l2/weight_norm"]).toBeCloseTo(l2Norm(net.dense[1]?.W ?? new Float32Array()), 10);
    expect(m["diag/grad_ratio"]).toBeCloseTo(
      (m["diag/l1/grad_norm"] ?? 0) / (m["diag/out/grad_norm"] ?? 1),
      12,
    );
    expect(m["diag/l1/dead_frac"]).toBe(0);
    expect(m["diag/l1/act_std"]).toBeGreaterThan(0);
  });

  it("counts a ReLU unit as dead when its derivative is 0 on every probe sample", () => {
    const net = network({ name: "relu" });
    const b = net.dense[0]?.b ?? new Float32Array();
    b[0] = -100;
    b[1] = -100;
    b[2] = -100;
    const m = measure(net);
    expect(m["diag/l1/dead_frac"]).toBeCloseTo(3 / 6, 12);
    expect(m["diag/l1/sat_frac"]).toBeGreaterThanOrEqual(3 / 6);
  });

  it("counts sigmoid units driven far from zero as saturated but not dead", () => {
    const net = network({ name: "sigmoid" });
    const b = net.dense[1]?.b ?? new Float32Array();
    b.fill(30);
    const m = measure(net);
    expect(m["diag/l2/sat_frac"]).toBe(1);
    expect(m["diag/l2/act_mean"]).toBeCloseTo(1, 6);
    expect(m["diag/l1/sat_frac"]).toBe(0);
  });

  it("reports learned activation parameters: the PReLU alpha mean and each mix weight", () => {
    const prelu = network({ name: "prelu", preluMode: "unit", preluInit: 0.2 });
    const [start] = prelu.activationParamRanges[0] ?? [0];
    prelu.params[start] = 0.8;
    prelu.syncActivationParams();
    expect(measure(prelu)["diag/l1/alpha"]).toBeCloseTo((0.8 + 5 * 0.2) / 6, 6);

    const mix = measure(network({ name: "mix", mixOf: ["relu", "tanh"] }));
    expect(Object.keys(mix)).toEqual(
      expect.arrayContaining(["diag/l1/mix/relu", "diag/l1/mix/tanh", "diag/l2/mix/relu"]),
    );
  });
});
