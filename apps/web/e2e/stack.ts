/** The real product for browser tests: the built Next.js app, a worker, redis-server and a SQLite file. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  createTempDb,
  fixtureForSuite,
  type RedisHandle,
  startRedis,
  startWebApp,
  startWorkerApp,
  type TempDb,
  trpcMutation,
  webDir,
} from "@actlab/test-utils";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";

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
  const [worker, web] = await Promise.all([startWorkerApp(env), startWebApp(env)]);
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
    baseUrl: web.baseUrl,
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
    mutate: (procedure, input) => trpcMutation(web.baseUrl, procedure, input),
    async stop() {
      await browser.close();
      await Promise.all([web.process.stop(), worker.stop()]);
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
