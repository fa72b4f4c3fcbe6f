/**
 * The compare view's costs on the seeded database (the dense runs × 3 keys × 10,000 steps), on its engine ("db"):
 *   ui.compare_server_ms  runs.compare for every dense run (200), all 3 keys, 1,000 buckets: p95 of 60
 *                         calls, each naming the runs in a new order so no response cache can answer it;
 *                         cold_ms is the first call after seeding (packs and downsamples built from Metric
 *                         rows); baseline = a row-by-row read of the same series
 *   ui.compare_paint_ms   Chromium: navigation to /compare → the chart's canvas drawn with every series,
 *                         with the scripts cached (the value) and on a first visit (first_visit_ms)
 */

import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { METRIC } from "@actlab/core";
import { rawSqlForTests } from "@actlab/db/testing";
import { freePort, spawnApp, startRedis, waitFor } from "@actlab/test-utils";
import { chromium, type Page } from "playwright-core";
import type { BenchApi } from "./bench-api";
import { emit, quantile } from "./report";
import { DENSE_KEYS, type SeededDb } from "./seed";

const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const ms = (x: number) => Number(x.toFixed(1));
const KEY = METRIC.valLoss;
const BUCKETS = 1000;

/** The runs rotated by `i`: the same comparison, a different input each time. */
const rotate = (ids: readonly string[], i: number) => [...ids.slice(i), ...ids.slice(0, i)];

export async function measureCompareServer(seeded: SeededDb, bench: BenchApi) {
  const keys = [...DENSE_KEYS];
  const input = (i: number) => ({ runIds: rotate(seeded.denseRunIds, i), keys, buckets: BUCKETS });
  let t = performance.now();
  const first = await bench.api.runs.compare(input(0));
  const cold = performance.now() - t;
  const times: number[] = [];
  // 60 calls: of 20, the nearest-rank p95 is the slowest call, one stall of a shared machine.
  for (let i = 1; i <= 60; i++) {
    t = performance.now();
    await bench.api.runs.compare(input(i));
    times.push(performance.now() - t);
  }
  // Baseline: the same series read row by row from Metric (what a naive tracker does).
  const raw = rawSqlForTests(seeded.db);
  const rows = 'SELECT "step", "value" FROM "Metric" WHERE "runId" = ? AND "key" = ? ORDER BY "step"';
  const base: number[] = [];
  for (let i = 0; i < 3; i++) {
    t = performance.now();
    for (const key of keys) for (const id of seeded.denseRunIds) await raw.all(rows, [id, key]);
    base.push(performance.now() - t);
  }
  const p95 = quantile(times, 0.95);
  emit({
    name: "ui.compare_server_ms",
    db: seeded.db.engine,
    value: ms(p95),
    unit: "ms",
    p50: ms(quantile(times, 0.5)),
    cold_ms: ms(cold),
    calls: times.length,
    runs: seeded.runIds.length,
    compared_runs: seeded.denseRunIds.length,
    keys: keys.length,
    series: first.series.filter((s) => s.key !== METRIC.epoch).length,
    points_per_series: first.series.find((s) => s.key === KEY)?.total,
    buckets: BUCKETS,
    baseline: ms(quantile(base, 0.5)),
    baseline_what: `row-by-row read of the same ${keys.length * seeded.denseRunIds.length} series from ${seeded.db.engine} (no downsampling), median of 3`,
    ratio: Number((quantile(base, 0.5) / p95).toFixed(1)),
  });
}

export async function measureComparePaint(seeded: SeededDb) {
  if (!fs.existsSync(path.join(webDir, ".next/BUILD_ID"))) {
    emit({
      name: "ui.compare_paint_ms",
      db: seeded.db.engine,
      value: null,
      unit: "ms",
      skipped: "apps/web is not built: run `pnpm --filter @actlab/web build`",
    });
    return;
  }
  const redis = await startRedis();
  const port = await freePort();
  const web = spawnApp(path.join(webDir, "node_modules/.bin/next"), ["start", "-p", String(port)], {
    cwd: webDir,
    // Its own throwaway secret: a production server refuses to mint one outside a named data folder.
    env: {
      DATABASE_URL: seeded.temp.url,
      REDIS_URL: redis.url,
      NODE_ENV: "production",
      ACTLAB_AUTH_SECRET: randomBytes(32).toString("base64url"),
    },
  });
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--disable-gpu", "--disable-quic", "--no-sandbox", "--disable-background-networking"],
  });
  try {
    const base = `http://localhost:${port}`;
    await waitFor("web ready", async () => (await fetch(`${base}/api/trpc/meta.options`)).ok, 60_000, 250);
    const url = `${base}/compare?runs=${seeded.denseRunIds.join(",")}&key=${encodeURIComponent(KEY)}&group=none`;
    /** Navigation start → canvas drawn with every series, read in the page (performance.now()). */
    const load = async (page: Page) => {
      // Past Playwright's 30 s default: on a loaded machine the first PostgreSQL render took longer.
      await page.goto(url, { waitUntil: "commit", timeout: 120_000 });
      const drawn = await page.waitForFunction(
        (lines) => {
          const el = document.querySelector('[data-testid="compare-chart"]');
          return el?.querySelector("canvas") && Number(el.getAttribute("data-lines")) >= lines
            ? performance.now()
            : false;
        },
        seeded.denseRunIds.length,
        { polling: "raf", timeout: 60_000 },
      );
      return (await drawn.jsonValue()) as number;
    };
    const viewport = { width: 1400, height: 900 };
    // A returning visitor: one tab, the scripts in the browser's cache (compiled code included)...
    const tab = await browser.newPage({ viewport });
    const first = await load(tab); // the first load also warms the server's packs and caches
    const inTab: number[] = [];
    for (let i = 0; i < 5; i++) {
      await tab.goto("about:blank");
      inTab.push(await load(tab));
    }
    await tab.close();
    // ...and a first visit: a fresh browser context each time, with an empty cache, so every script is
    // downloaded and compiled again.
    const firstVisit: number[] = [];
    for (let i = 0; i < 5; i++) {
      const page = await browser.newPage({ viewport });
      firstVisit.push(await load(page));
      await page.close();
    }
    emit({
      name: "ui.compare_paint_ms",
      db: seeded.db.engine,
      value: ms(quantile(inTab, 0.5)),
      unit: "ms",
      p95: ms(quantile(inTab, 0.95)),
      first_visit_ms: ms(quantile(firstVisit, 0.5)),
      first_ms: ms(first),
      runs: seeded.runIds.length,
      series: seeded.denseRunIds.length,
      points_per_series: 10_000,
      what: "full page load → canvas drawn with every series (Chromium, 1400×900): median of 5 loads with the scripts cached; first_visit_ms: median of 5 with an empty cache",
    });
  } catch (err) {
    // The server's own words say why a page did not load (it may have exited under the machine's load).
    console.error(`next start (exit code ${web.child.exitCode}):\n${web.output().slice(-4000)}`);
    throw err;
  } finally {
    await browser.close();
    await web.stop();
    await redis.stop();
  }
}
