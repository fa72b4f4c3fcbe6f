import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createRng } from "../src/rng";
import { type ReplayResult, replay } from "./replay/run";
import {
  REPLAY_ACTIVATIONS,
  type ReplayActivation,
  type ReplayData,
  type ReplayWeights,
} from "./replay/schema";

const PYTHON = "/usr/bin/python3";
const root = join(import.meta.dirname, "../../..");
const dir = mkdtempSync(join(tmpdir(), "replay-"));

function randomCase(act: ReplayActivation, seed: number): { weights: ReplayWeights; data: ReplayData } {
  const rng = createRng(seed);
  const matrix = (rows: number, cols: number, scale: number) =>
    Array.from({ length: rows }, () => Array.from({ length: cols }, () => rng.normal() * scale));
  const sizes = [4, 6, 5, 3];
  const perUnit = seed % 2 === 0;
  const layers = sizes.slice(1).map((units, l) => ({
    W: matrix(units, sizes[l] as number, 0.7),
    b: Array.from({ length: units }, () => rng.normal() * 0.2),
    ...(act === "prelu" && l < sizes.length - 2
      ? { alpha: perUnit ? Array.from({ length: units }, () => 0.1 + 0.3 * rng.next()) : 0.2 }
      : {}),
  }));
  const batches = [5, 3].map((rows) => ({
    x: matrix(rows, 4, 1),
    y: Array.from({ length: rows }, () => rng.int(3)),
  }));
  return { weights: { act, layers }, data: { batches } };
}

/** Every number in a nested result, in a fixed order, for elementwise comparison. */
const numbers = (v: unknown): number[] =>
  typeof v === "number"
    ? [v]
    : Array.isArray(v)
      ? v.flatMap(numbers)
      : Object.values(v as object).flatMap(numbers);

const torchAvailable = spawnSync(PYTHON, ["-c", "import torch"]).status === 0;

describe("replay", () => {
  it("matches PyTorch on a random case per activation, for SGD and Adam (float32 tolerance)", () => {
    // Not a skip: CI installs torch, and a silent skip would hide a broken comparison.
    expect(
      torchAvailable,
      `${PYTHON} cannot import torch: install it with apt-get install python3-torch`,
    ).toBe(true);
    const cases = REPLAY_ACTIVATIONS.flatMap((act, i) =>
      (["sgd", "adam"] as const).map((optimizer) => ({
        act,
        optimizer,
        seed: 2 * i + (optimizer === "adam" ? 1 : 0),
      })),
    );
    const runs = cases.map(({ act, optimizer, seed }) => {
      const { weights, data } = randomCase(act, seed);
      const base = join(dir, `${act}-${optimizer}`);
      writeFileSync(`${base}.w.json`, JSON.stringify(weights));
      writeFileSync(`${base}.d.json`, JSON.stringify(data));
      const opts = { steps: 4, lr: optimizer === "sgd" ? 0.1 : 0.01, optimizer, act };
      const argv = ["--weights", `${base}.w.json`, "--data", `${base}.d.json`, "--out", `${base}.torch.json`];
      argv.push("--steps", "4", "--lr", String(opts.lr), "--optimizer", optimizer, "--act", act);
      return { base, argv, ours: replay(weights, data, opts) };
    });
    // One Python process runs the reference's main() for every case (importing torch costs ~1 s).
    const driver = [
      "import importlib.util, json, sys",
      `spec = importlib.util.spec_from_file_location("ref", ${JSON.stringify(join(import.meta.dirname, "replay-torch.py"))})`,
      "ref = importlib.util.module_from_spec(spec); spec.loader.exec_module(ref)",
      "for argv in json.load(sys.stdin):",
      "    sys.argv = ['replay-torch.py'] + argv; ref.main()",
    ].join("\n");
    execFileSync(PYTHON, ["-c", driver], {
      input: JSON.stringify(runs.map((r) => r.argv)),
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1" },
    });

    for (const { base, ours } of runs) {
      const torch = JSON.parse(readFileSync(`${base}.torch.json`, "utf8")) as ReplayResult;
      for (const key of ["losses", "grads_step0", "grad_norms_step0", "final"] as const) {
        const a = numbers(ours[key]);
        const b = numbers(torch[key]);
        expect(a.length, `${base} ${key}`).toBe(b.length);
        a.forEach((x, i) => {
          const y = b[i] as number;
          expect(Math.abs(x - y), `${base} ${key}[${i}]: ours ${x}, torch ${y}`).toBeLessThan(
            2e-5 + 2e-4 * Math.abs(y),
          );
        });
      }
    }
  }, 60_000);

  it("runs as `pnpm replay` and writes the documented output", () => {
    const { weights, data } = randomCase("prelu", 4);
    writeFileSync(join(dir, "cli.w.json"), JSON.stringify(weights));
    writeFileSync(join(dir, "cli.d.json"), JSON.stringify(data));
    const out = join(dir, "cli.out.json");
    const args = ["--weights", join(dir, "cli.w.json"), "--data", join(dir, "cli.d.json"), "--out", out];
    execFileSync(
      "node_modules/.bin/tsx",
      [
        "packages/core/scripts/replay.ts",
        ...args,
        ...["--steps", "3", "--lr", "0.1", "--optimizer", "sgd", "--act", "prelu"],
      ],
      { cwd: root },
    );
    const written = JSON.parse(readFileSync(out, "utf8")) as ReplayResult;
    expect(written).toEqual(replay(weights, data, { steps: 3, lr: 0.1, optimizer: "sgd", act: "prelu" }));
    expect(written.losses).toHaveLength(3);
    expect(written.final[0]?.alpha).toHaveLength(6);
    expect(written.grad_norms_step0[1]).toHaveProperty("alpha");
  });

  it("prints one error line and exits 1 on inconsistent input", () => {
    const { weights, data } = randomCase("tanh", 1);
    (weights.layers[1] as { b: number[] }).b.push(1);
    writeFileSync(join(dir, "bad.w.json"), JSON.stringify(weights));
    writeFileSync(join(dir, "bad.d.json"), JSON.stringify(data));
    const run = spawnSync(
      "node_modules/.bin/tsx",
      [
        "packages/core/scripts/replay.ts",
        "--weights",
        join(dir, "bad.w.json"),
        "--data",
        join(dir, "bad.d.json"),
      ].concat([
        "--out",
        join(dir, "bad.out.json"),
        "--steps",
        "1",
        "--lr",
        "0.1",
        "--optimizer",
        "sgd",
        "--act",
        "tanh",
      ]),
      { cwd: root, encoding: "utf8" },
    );
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split("\n")).toEqual(["replay: layers[1].b has 6 entries, W has 5 rows"]);
  });
});
