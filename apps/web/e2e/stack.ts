/** The real product for browser tests: the built Next.js app, a worker, redis-server and a SQLite file. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  type AppProcess,
  createTempDb,
  fixtureForSuite,
  freePort,
  type RedisHandle,
  spawnApp,
  startRedis,
  type TempDb,
  waitFor,
} from "@actlab/test-utils";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";

const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const workerDir = path.resolve(webDir, "../worker");
export const artifactsDir = path.join(webDir, "e2e/artifacts");

export type E2EStack = {
  baseUrl: string;
  browser: Browser;
  newPage(): Promise<Page>;
  /** A browser context of its own (own cookies): one signed-in user per context. */
  newContext(): Promise<BrowserContext>;
  screenshot(page: Page, name: string): Promise<void>;
  /** A tRPC mutation as the browser sends it (superjson's envelope), for setting up without clicking. */
  mutate(path: string, input: unknown): Promise<{ id: string }>;
  stop(): Promise<void>;
};

export async function startE2EStack(options: { signup?: "open" | "invite" } = {}): Promise<E2EStack> {
  if (!fs.existsSync(path.join(webDir, ".next/BUILD_ID"))) {
    throw new Error(
      "apps/web is not built: run `pnpm --filter @actlab/web build` first (the test command does)",
    );
  }
  fs.mkdirSync(artifactsDir, { recursive: true });
  const redis: RedisHandle = await startRedis();
  const db: TempDb = createTempDb();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "actlab-e2e-data-"));
  // A fixed session secret and a data folder of its own, so the app writes nothing into the source tree.
  const env = {
    ACTLAB_DATA_DIR: dataDir,
    // Small, so a test can send an upload over it cheaply.
    ACTLAB_MAX_ARTIFACT_BYTES: "1048576",
    REDIS_URL: redis.url,
    DATABASE_URL: db.url,
    ACTLAB_WORKER_SLOTS: "1",
    ACTLAB_AUTH_SECRET: "e2e-only-secret-e2e-only-secret-0123456789",
    ACTLAB_SIGNUP: options.signup ?? "open",
  };
  const port = await freePort();
  const worker: AppProcess = spawnApp("node", ["--import", "tsx", "src/main.ts"], { cwd: workerDir, env });
  const web: AppProcess = spawnApp(
    path.join(webDir, "node_modules/.bin/next"),
    ["start", "-p", String(port)],
    {
      cwd: webDir,
      env: { ...env, NODE_ENV: "production" },
    },
  );
  const baseUrl = `http://localhost:${port}`;
  await waitFor(`worker ready: ${worker.output()}`, () => worker.output().includes("worker: ready"), 60_000);
  await waitFor(
    `web ready: ${web.output()}`,
    async () => (await fetch(`${baseUrl}/api/trpc/meta.options`)).ok,
    60_000,
    250,
  );
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--disable-gpu",
      "--disable-quic",
      "--no-sandbox",
      "--disable-background-networking",
      "--disable-sync",
    ],
  });
  return {
    baseUrl,
    browser,
    async newPage() {
      const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
      page.on("pageerror", (err) => console.error(`page error: ${err.message}`));
      return page;
    },
    async newContext() {
      const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
      context.on("weberror", (err) => console.error(`page error: ${err.error().message}`));
      return context;
    },
    async screenshot(page, name) {
      await page.screenshot({ path: path.join(artifactsDir, `${name}.png`), fullPage: true });
    },
    async mutate(path, input) {
      const res = await fetch(`${baseUrl}/api/trpc/${path}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ json: input }),
      });
      const body = (await res.json()) as { result?: { data?: { json?: { id: string } } } };
      if (!res.ok || !body.result?.data?.json)
        throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
      return body.result.data.json;
    },
    async stop() {
      await browser.close();
      await Promise.all([web.stop(), worker.stop()]);
      await redis.stop();
      db.remove();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** For a test file or describe block: one stack, started before its tests and stopped after. */
export function e2eStack(options: { signup?: "open" | "invite" } = {}): E2EStack {
  return fixtureForSuite(
    "the e2e stack",
    () => startE2EStack(options),
    (stack) => stack.stop(),
    120_000,
  );
}
