/**
 * The dashboard on every core: `next start` in ACTLAB_WEB_PROCESSES processes (default one per core) that
 * share HOST:PORT through node:cluster, since one Node process serves requests on one core. The processes
 * share nothing in memory: sessions, sign-in limits and live events are in the database and Redis already,
 * and SQLite's WAL with a busy timeout takes several processes (as it does web and worker). A process that
 * dies is started again after a second; one that dies before it ever listened stops them all (a bad port).
 */
import cluster, { type Worker } from "node:cluster";
import { createRequire } from "node:module";
import os from "node:os";
import { loadEnvOrExit } from "@actlab/env";

const env = loadEnvOrExit("web");
const processes = env.webProcesses ?? os.availableParallelism();
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");

// The processes run next's own CLI, without this launcher's TypeScript loader.
cluster.setupPrimary({
  exec: nextBin,
  args: ["start", "-H", env.host, "-p", String(env.port)],
  execArgv: [],
});

let stopping = false;
let exitCode = 0;
const listened = new WeakSet<Worker>();
const start = () => cluster.fork();

cluster.on("listening", (worker) => listened.add(worker));
cluster.on("exit", (worker, code, signal) => {
  if (stopping) {
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode);
    return;
  }
  if (!listened.has(worker)) {
    console.error(`web: a web process exited (${signal ?? code}) before it listened; stopping`);
    stopAll(1);
    return;
  }
  console.error(`web: a web process exited (${signal ?? code}); starting another`);
  setTimeout(start, 1000);
});

function stopAll(code: number) {
  stopping = true;
  exitCode = code;
  const workers = Object.values(cluster.workers ?? {});
  if (workers.length === 0) process.exit(code);
  for (const w of workers) w?.process.kill("SIGTERM");
}
for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => stopAll(0));

console.log(`web: ${processes} process${processes === 1 ? "" : "es"} on ${env.host}:${env.port}`);
for (let i = 0; i < processes; i++) start();
