/**
 * ui.compare_readers_p99_ms: a team opening one shared report at once. 200 readers, each signed in with a
 * session cookie, ask `next start` for the compare query of 27 finished runs (10,000 steps each) over HTTP
 * as the browser's tRPC link does, one request after another for a fixed window, while a worker trains a
 * run on the same database. Reported: p50/p99, requests/s, errors (a status other than 200/304, or a
 * failed connection). Phases, each against a fresh server:
 *   value          as `npm start` serves (one web process per core, the comparison cache on), readers
 *                  revalidating with the ETag they got, as a browser does
 *   full_*         the same server, every request a first open (no If-None-Match)
 *   one_process_*  one `next start` with the cache on, first opens: the cache's share of the gain
 *   baseline_*     one `next start` with the cache off (ACTLAB_COMPARE_CACHE_MB=0), first opens: as it was
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { METRIC } from "@actlab/core";
import { rawSqlForTests } from "@actlab/db/testing";
import {
  type AppProcess,
  type RedisHandle,
  startRedis,
  startWebApp,
  startWorkerApp,
  webDir,
} from "@actlab/test-utils";
import { emit, quantile } from "./report";
import type { SeededDb } from "./seed";

const READERS = 200;
const WINDOW_MS = 10_000;
const RUNS = 27;
const ms = (x: number) => Number(x.toFixed(1));

type Phase = {
  times: number[];
  notModified: number;
  errors: number;
  failures: Map<string, number>;
  bytes: number;
};

/** One GET on a kept-alive socket; the body is drained, not decompressed (the server's gzip is what counts). */
function get(agent: http.Agent, url: URL, headers: Record<string, string>) {
  return new Promise<{ status: number; etag: string | null; bytes: number }>((resolve, reject) => {
    const req = http.get(url, { agent, headers: { "accept-encoding": "gzip", ...headers } }, (res) => {
      let bytes = 0;
      res.on("data", (chunk: Buffer) => {
        bytes += chunk.length;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, etag: res.headers.etag ?? null, bytes }));
      res.on("error", reject);
    });
    req.on("error", reject);
  });
}

async function readFor(url: URL, cookie: string, revalidate: boolean): Promise<Phase & { seconds: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: READERS });
  const phase: Phase = { times: [], notModified: 0, errors: 0, failures: new Map(), bytes: 0 };
  const fail = (why: string) => {
    phase.errors++;
    phase.failures.set(why, (phase.failures.get(why) ?? 0) + 1);
  };
  const start = performance.now();
  const until = start + WINDOW_MS;
  const reader = async () => {
    let etag: string | null = null;
    while (performance.now() < until) {
      const t = performance.now();
      try {
        const res = await get(agent, url, {
          cookie,
          ...(revalidate && etag ? { "if-none-match": etag } : {}),
        });
        phase.times.push(performance.now() - t);
        phase.bytes += res.bytes;
        if (res.status === 304) phase.notModified++;
        else if (res.status !== 200) fail(`HTTP ${res.status}`);
        etag = res.etag ?? etag;
      } catch (err) {
        fail((err as NodeJS.ErrnoException).code ?? String(err));
      }
    }
  };
  await Promise.all(Array.from({ length: READERS }, reader));
  agent.destroy();
  return { ...phase, seconds: (performance.now() - start) / 1000 };
}

const summary = (p: Phase & { seconds: number }) => ({
  p50: ms(quantile(p.times, 0.5)),
  p99: ms(quantile(p.times, 0.99)),
  requests: p.times.length + p.errors,
  requests_per_s: Number(((p.times.length + p.errors) / p.seconds).toFixed(1)),
  errors: p.errors,
  ...(p.failures.size > 0 ? { failures: Object.fromEntries(p.failures) } : {}),
  not_modified: p.notModified,
  mb_sent: Number((p.bytes / 1e6).toFixed(1)),
});

/** Posts as the browser does (same origin), with the session cookie; returns the tRPC result's json. */
async function call(base: string, procedure: string, input: unknown, cookie: string) {
  const res = await fetch(`${base}/api/trpc/${procedure}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base, cookie },
    body: JSON.stringify({ json: input }),
  });
  if (!res.ok) throw new Error(`${procedure}: ${res.status} ${await res.text()}`);
}

/** The first account claims the seeded (local) workspace: from then on every request needs its cookie. */
async function signUp(base: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({
      name: "Bench Reader",
      email: "reader@bench.invalid",
      password: "a long bench password",
    }),
  });
  if (!res.ok) throw new Error(`sign-up: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

/** 27 of the dense runs that have finished (the seed leaves a few running or queued). */
async function finishedDenseRuns(seeded: SeededDb): Promise<string[]> {
  const rows = await rawSqlForTests(seeded.db).all<{ id: string; status: string }>(
    `SELECT "id", "status" FROM "Run" WHERE "id" IN (${seeded.denseRunIds.map(() => "?").join(",")})`,
    seeded.denseRunIds,
  );
  const finished = new Set(
    rows.filter((r) => ["COMPLETED", "FAILED", "DIVERGED", "CANCELED"].includes(r.status)).map((r) => r.id),
  );
  return seeded.denseRunIds.filter((id) => finished.has(id)).slice(0, RUNS);
}

/** Runs last in `pnpm bench ui`: its sign-up ends the seeded database's local mode. */
export async function measureCompareReaders(seeded: SeededDb) {
  if (!fs.existsSync(path.join(webDir, ".next/BUILD_ID"))) {
    emit({
      name: "ui.compare_readers_p99_ms",
      db: seeded.db.engine,
      value: null,
      unit: "ms",
      skipped: "apps/web is not built: run `pnpm --filter @actlab/web build`",
    });
    return;
  }
  const runIds = await finishedDenseRuns(seeded);
  const input = { runIds, keys: [METRIC.valLoss], buckets: 1200, extremes: false, wall: false };
  const query = `batch=1&input=${encodeURIComponent(JSON.stringify({ 0: { json: input } }))}`;
  const redis: RedisHandle = await startRedis();
  const env = {
    DATABASE_URL: seeded.temp.url,
    REDIS_URL: redis.url,
    // One secret for the servers of every phase, so the session cookie works on each.
    ACTLAB_AUTH_SECRET: randomBytes(32).toString("base64url"),
  };
  let worker: AppProcess | null = null;
  let cookie = "";
  const phase = async (cacheMb: number, revalidate: boolean, processes?: number) => {
    const web = await startWebApp({ ...env, ACTLAB_COMPARE_CACHE_MB: String(cacheMb) }, { processes });
    try {
      if (!cookie) {
        cookie = await signUp(web.baseUrl);
        // A run that trains through every phase: its points land in the same database the readers read.
        await call(
          web.baseUrl,
          "runs.create",
          {
            config: {
              dataset: { kind: "generated", name: "spirals" },
              hiddenLayers: [64, 64],
              activation: "relu",
              epochs: 400,
            },
          },
          cookie,
        );
        worker = await startWorkerApp({ ...env, ACTLAB_WORKER_SLOTS: "1" });
      }
      const url = new URL(`${web.baseUrl}/api/trpc/runs.compare?${query}`);
      const warm = await get(new http.Agent(), url, { cookie });
      if (warm.status !== 200) throw new Error(`compare answered ${warm.status}`);
      // One reader alone first: what a request costs without waiting behind 199 others.
      const alone: number[] = [];
      const agent = new http.Agent({ keepAlive: true });
      for (let i = 0; i < 20; i++) {
        const t = performance.now();
        await get(agent, url, { cookie, ...(revalidate && warm.etag ? { "if-none-match": warm.etag } : {}) });
        alone.push(performance.now() - t);
      }
      agent.destroy();
      return {
        ...summary(await readFor(url, cookie, revalidate)),
        alone_ms: ms(quantile(alone, 0.5)),
        response_kb: Math.round(warm.bytes / 1024),
      };
    } catch (err) {
      console.error(
        `next start (exit code ${web.process.child.exitCode}):\n${web.process.output().slice(-4000)}`,
      );
      throw err;
    } finally {
      await web.process.stop();
    }
  };
  try {
    const processes = os.availableParallelism();
    const cached = await phase(64, true, processes);
    const full = await phase(64, false, processes);
    const oneProcess = await phase(64, false);
    const baseline = await phase(0, false);
    emit({
      name: "ui.compare_readers_p99_ms",
      db: seeded.db.engine,
      value: cached.p99,
      unit: "ms",
      ...cached,
      readers: READERS,
      web_processes: processes,
      window_s: WINDOW_MS / 1000,
      runs: runIds.length,
      buckets: 1200,
      worker: "one worker (1 slot) training a spirals run throughout",
      full_alone_ms: full.alone_ms,
      full_p50: full.p50,
      full_p99: full.p99,
      full_requests_per_s: full.requests_per_s,
      full_errors: full.errors,
      one_process_alone_ms: oneProcess.alone_ms,
      one_process_p50: oneProcess.p50,
      one_process_p99: oneProcess.p99,
      one_process_requests_per_s: oneProcess.requests_per_s,
      one_process_errors: oneProcess.errors,
      baseline: baseline.p99,
      baseline_alone_ms: baseline.alone_ms,
      baseline_p50: baseline.p50,
      baseline_requests_per_s: baseline.requests_per_s,
      baseline_errors: baseline.errors,
      baseline_what: `the same readers, first opens, against a server with ACTLAB_COMPARE_CACHE_MB=0 on ${seeded.db.engine} (one next start process), same run`,
      ratio: Number((baseline.p99 / cached.p99).toFixed(1)),
      full_ratio: Number((baseline.p99 / full.p99).toFixed(1)),
      what: `${READERS} readers × ${WINDOW_MS / 1000} s, one request after another, readers on the same machine`,
    });
  } finally {
    await (worker as AppProcess | null)?.stop();
    await redis.stop();
  }
}
