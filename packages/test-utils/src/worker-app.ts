/** The worker (`apps/worker`) as a process, for tests and benchmarks that need real training. */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type AppProcess, spawnApp, waitFor } from "./processes";

export const workerDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../apps/worker");

/** Started, not waited for: for tests of how it starts (or refuses to). */
export function spawnWorkerApp(env: Record<string, string>): AppProcess {
  return spawnApp("node", ["--import", "tsx", "src/main.ts"], { cwd: workerDir, env });
}

/** Resolves once it says it is ready; fails with its output if it exits first or is not ready in a minute. */
export async function startWorkerApp(env: Record<string, string>): Promise<AppProcess> {
  const worker = spawnWorkerApp(env);
  try {
    await waitFor(
      "worker ready",
      () =>
        worker.output().includes("worker: ready") ||
        (worker.child.exitCode !== null ? Promise.reject(new Error(worker.output())) : false),
      60_000,
    );
    return worker;
  } catch (err) {
    await worker.stop();
    throw err;
  }
}
