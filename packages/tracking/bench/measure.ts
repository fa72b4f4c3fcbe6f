/**
 * The `pnpm bench api` measurements, each against a running tracking server (real node:http on loopback,
 * bearer token as MLflow's client sends it). Sizes are parameters so a test can run them small.
 */
import http from "node:http";
import os from "node:os";
import { appendMetrics, createExternalRun, logRunParams, type MetricPoint } from "@actlab/db";
import { publishRunEvent } from "@actlab/queue";
import { BATCH_LIMITS } from "../src/limits";
import { startTrackingTestServer, type TrackingTestServer } from "../src/test-server";

export type BenchLine = { name: string; value: number; unit: string; n: number } & Record<string, unknown>;
export type BenchTarget = { server: TrackingTestServer; token: string; projectId: string };

/** Cores, and the load average when the line was measured: other work on a shared machine skews timings. */
const machine = () =>
  `${os.cpus().length} cores, ${os.cpus()[0]?.model.trim() ?? "unknown cpu"}, node ${process.version}, load ${os.loadavg()[0]?.toFixed(1)}`;
const SERVER = "node:http around handleTrackingRequest on loopback, same process as the client";
const KEYS = ["train/loss", "train/acc", "val/loss", "val/acc", "lr", "epoch", "grad_norm", "weight_norm"];
const ACTIVATIONS = ["relu", "tanh", "gelu", "swish", "sigmoid"];
export const SEARCH_FILTER = "params.activation = 'relu' and metrics.`val/acc` > 0.5";

/** The tracking server with a user (and token) who owns a fresh workspace; `server.close()` ends it. */
export async function startBenchTarget(): Promise<BenchTarget> {
  const server = await startTrackingTestServer();
  const user = await server.addUser("Bench");
  const { projectId } = await server.addWorkspace(user.userId, "Bench");
  return { server, token: user.token, projectId };
}

const round = (x: number, digits = 2) => Number(x.toFixed(digits));

/** Milliseconds of each call, one after another, with the inputs prepared before the clock starts. */
async function timeEach<T>(inputs: readonly T[], call: (input: T) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (const input of inputs) {
    const t = performance.now();
    await call(input);
    times.push(performance.now() - t);
  }
  return times;
}

/** The sample at rank ⌈q·n⌉ (nearest rank), so a p95 of 20 samples is the 19th. */
function percentile(samples: readonly number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] as number;
}

/** One kept-alive connection, as MLflow's Python client keeps one (a requests session). */
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const CLIENT =
  "node:http with a kept-alive connection (as MLflow's requests session), bodies serialised beforehand";

/** One POST with a body serialised beforehand: the client's JSON cost is not the server's. */
function post(target: BenchTarget, path: string, body: string): Promise<Record<string, unknown>> {
  const url = new URL(`${target.server.url}/api/2.0/mlflow/${path}`);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: "POST",
        agent,
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
          authorization: `Bearer ${target.token}`,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          if (res.statusCode !== 200) reject(new Error(`${path}: ${res.statusCode} ${text.slice(0, 300)}`));
          else resolve(JSON.parse(text) as Record<string, unknown>);
        });
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

async function createRunOverRest(target: BenchTarget, name: string): Promise<string> {
  const body = await post(target, "runs/create", JSON.stringify({ experiment_id: "0", run_name: name }));
  return (body.run as { info: { run_id: string } }).info.run_id;
}

/** Batch `b` of a run's history: BATCH_LIMITS.metrics points, every key at consecutive steps. */
function batchPoints(b: number): MetricPoint[] {
  const size = BATCH_LIMITS.metrics;
  return Array.from({ length: size }, (_, i) => {
    const n = b * size + i;
    return {
      key: KEYS[n % KEYS.length] as string,
      step: Math.floor(n / KEYS.length),
      value: Math.sin(n),
      wallMs: 1_700_000_000_000 + n,
    };
  });
}

/**
 * log-batch with full batches, one request in flight (as MLflow's client sends them), against the
 * trainer's own flush (appendMetrics + the live event) of the same points into another run. The two
 * alternate batch by batch, so load from elsewhere on the machine weighs on both alike.
 */
export async function measureLogBatch(target: BenchTarget, batches: number): Promise<BenchLine> {
  const restRun = await createRunOverRest(target, "log-batch");
  const trainerRun = await createRunOverRest(target, "trainer");
  const { db, redis } = target.server;
  let restMs = 0;
  let trainerMs = 0;
  for (let b = 0; b < batches; b++) {
    const points = batchPoints(b);
    const body = JSON.stringify({
      run_id: restRun,
      metrics: points.map((p) => ({ key: p.key, value: p.value, step: p.step, timestamp: p.wallMs })),
    });
    let t = performance.now();
    await post(target, "runs/log-batch", body);
    restMs += performance.now() - t;
    t = performance.now();
    await appendMetrics(db, trainerRun, points);
    await publishRunEvent(redis, { type: "metrics", runId: trainerRun, points });
    trainerMs += performance.now() - t;
  }
  const points = batches * BATCH_LIMITS.metrics;
  const rest = points / (restMs / 1000);
  const trainer = points / (trainerMs / 1000);
  return {
    name: "api.log_batch_points_per_s",
    value: Math.round(rest),
    unit: "points/s",
    n: points,
    batches,
    batch_size: BATCH_LIMITS.metrics,
    in_flight: 1,
    server: SERVER,
    client: CLIENT,
    baseline: {
      what: "trainer write path (appendMetrics + publishRunEvent, as run-training.ts flushes), same batches, same SQLite file, same Redis, same process",
      value: Math.round(trainer),
      unit: "points/s",
    },
    ratio: round(rest / trainer, 3),
    goal: "ratio >= 0.5",
    machine: machine(),
  };
}

/** Sequential single-point log-metric calls on one run, each a new step, timed after a warm-up. */
export async function measureLogMetric(
  target: BenchTarget,
  calls: number,
  warmup: number,
): Promise<BenchLine> {
  const run = await createRunOverRest(target, "log-metric");
  const body = (step: number) =>
    JSON.stringify({ run_id: run, key: "train/loss", value: 1 / (step + 1), step, timestamp: Date.now() });
  for (let i = 0; i < warmup; i++) await post(target, "runs/log-metric", body(i));
  const payloads = Array.from({ length: calls }, (_, i) => body(warmup + i));
  const times = await timeEach(payloads, (payload) => post(target, "runs/log-metric", payload));
  return {
    name: "api.log_metric_p95_ms",
    value: round(percentile(times, 0.95)),
    unit: "ms",
    n: calls,
    warmup,
    p50: round(percentile(times, 0.5)),
    max: round(Math.max(...times)),
    server: SERVER,
    client: CLIENT,
    goal: "<= 10 ms",
    machine: machine(),
  };
}

/**
 * Seeds `runs` external runs the way the tracking API stores them (the db package's functions the
 * handlers call, without HTTP: 10,000 runs over REST would take minutes): param `activation`, metric `val/acc`.
 */
export async function seedSearchRuns(
  target: BenchTarget,
  runs: number,
): Promise<{ runs: number; seconds: number }> {
  const { db } = target.server;
  const start = performance.now();
  const t0 = Date.parse("2026-06-01T00:00:00Z");
  for (let i = 0; i < runs; i++) {
    const id = await createExternalRun(db, {
      projectId: target.projectId,
      name: `search-${i}`,
      startedAt: new Date(t0 + i * 1000),
      sourceUser: "bench",
      tags: [{ key: "mlflow.runName", value: `search-${i}` }],
    });
    await logRunParams(db, id, [{ key: "activation", value: ACTIVATIONS[i % ACTIVATIONS.length] as string }]);
    // Deterministic accuracies spread over [0, 1), so about half of each activation's runs pass 0.5.
    await appendMetrics(db, id, [
      { key: "val/acc", step: 0, value: (i * 0.618034) % 1, wallMs: t0 + i * 1000 },
    ]);
  }
  return { runs, seconds: (performance.now() - start) / 1000 };
}

/** runs/search with one param and one metric condition, first page of 100, over runs seeded beforehand. */
export async function measureSearchRuns(
  target: BenchTarget,
  seeded: { runs: number; seconds: number },
  queries: number,
): Promise<BenchLine> {
  const body = JSON.stringify({ experiment_ids: ["0"], filter: SEARCH_FILTER, max_results: 100 });
  const first = await post(target, "runs/search", body);
  const times = await timeEach(Array(queries).fill(body), (b: string) => post(target, "runs/search", b));
  return {
    name: "api.search_runs_p95_ms",
    value: round(percentile(times, 0.95)),
    unit: "ms",
    n: queries,
    runs: seeded.runs,
    returned: (first.runs as unknown[] | undefined)?.length ?? 0,
    filter: SEARCH_FILTER,
    max_results: 100,
    p50: round(percentile(times, 0.5)),
    seed_s: round(seeded.seconds, 1),
    server: SERVER,
    client: CLIENT,
    profile_above: "200 ms",
    machine: machine(),
  };
}
