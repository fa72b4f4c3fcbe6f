/**
 * The yardstick for the sweep: the same trainings as separate PyTorch script processes
 * (torch_sweep_run.py, one per run), `parallel` at a time, as a user would script the sweep. Also says
 * what PyTorch ran on (torch_train.py's BLAS report) and where a script's time went.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { TrainConfig } from "@actlab/core";
import { z } from "zod";
import { blasKind, type TorchBlasReport } from "./torch-blas";
import { PYTHON, torchEnv } from "./torch-env";

const run = promisify(execFile);
const ZScriptTimes = z.object({ import_s: z.number(), train_s: z.number(), total_s: z.number() });

export type TorchSweep = {
  seconds: number;
  /** Medians per script: its process from spawn to exit, importing torch, and its epochs' own work. */
  processS: number;
  importS: number;
  trainS: number;
  blas: string;
  report: TorchBlasReport;
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] as number;

/** Our config as the script's arguments; refuses one the script would train differently. */
function scriptConfig(c: TrainConfig) {
  if (c.dataset.kind !== "generated" || c.dataset.name !== "spirals" || c.dataset.classes !== 2)
    throw new Error("the PyTorch yardstick trains two-class spirals only");
  if (c.optimizer !== "adam" || c.schedule.kind !== "constant" || c.earlyStopping || c.split.test > 0)
    throw new Error("the PyTorch yardstick runs Adam at a constant rate, no early stopping, no test split");
  return {
    activation: c.activation,
    seed: c.seed,
    samples: c.dataset.samples,
    noise: c.dataset.noise,
    dataSeed: c.dataset.seed,
    validation: c.split.validation,
    probeSize: c.diagnostics.probeSize,
    sizes: [2, ...c.hiddenLayers, 2],
    lr: c.lr,
    batchSize: c.batchSize,
    epochs: c.epochs,
  };
}

export async function torchBlasReport(): Promise<TorchBlasReport> {
  const { stdout } = await run(
    PYTHON,
    ["-c", "import json, torch_train; print(json.dumps(torch_train.blas_report()))"],
    { cwd: import.meta.dirname, env: torchEnv() },
  );
  return JSON.parse(stdout) as TorchBlasReport;
}

export async function torchSweep(configs: readonly TrainConfig[], parallel: number): Promise<TorchSweep> {
  const args = configs.map(scriptConfig);
  const report = await torchBlasReport();
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "actlab-torch-sweep-"));
  const script = path.join(import.meta.dirname, "torch_sweep_run.py");
  const times: { process: number; script: z.infer<typeof ZScriptTimes> }[] = [];
  let next = 0;
  const slot = async () => {
    for (let i = next++; i < args.length; i = next++) {
      const t = performance.now();
      const { stdout } = await run(PYTHON, [script, JSON.stringify(args[i]), path.join(folder, `run-${i}`)], {
        env: torchEnv(),
      });
      times.push({ process: (performance.now() - t) / 1000, script: ZScriptTimes.parse(JSON.parse(stdout)) });
    }
  };
  try {
    const t0 = performance.now();
    await Promise.all(Array.from({ length: parallel }, slot));
    const seconds = (performance.now() - t0) / 1000;
    const lib = report.openblas ? `OpenBLAS ${report.openblas.corename}` : blasKind(report);
    return {
      seconds,
      processS: median(times.map((t) => t.process)),
      importS: median(times.map((t) => t.script.import_s)),
      trainS: median(times.map((t) => t.script.train_s)),
      blas: `PyTorch ${report.torch} on ${lib}, 1 thread per process`,
      report,
    };
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
