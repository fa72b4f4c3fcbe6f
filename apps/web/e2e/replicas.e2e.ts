/**
 * The team deployment's web tier for real: two `next start` replicas with their own data folders, one
 * database, one Redis and one secret, behind nginx with `deploy/nginx.conf`, and a worker. Either replica
 * must serve any request: the one-time setup link, sessions, MLflow artifacts and live run events.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  type AppProcess,
  createTempDb,
  fixtureForSuite,
  freePort,
  type RedisHandle,
  spawnApp,
  startRedis,
  startWebApp,
  startWorkerApp,
  type TempDb,
  type WebApp,
  waitFor,
  webDir,
} from "@actlab/test-utils";
import { describe, expect, it } from "vitest";

const NGINX = "/usr/sbin/nginx";
const repoRoot = path.resolve(webDir, "../..");

type Deployment = {
  proxyUrl: string;
  replicas: WebApp[];
  accessLog(): string[];
  stop(): Promise<void>;
};

/** deploy/nginx.conf with the compose service name swapped for the replicas' ports. */
function proxyConfig(dir: string, listen: number, replicas: WebApp[]): string {
  const upstreams = replicas.map((r) => `server 127.0.0.1:${new URL(r.baseUrl).port};`).join("\n    ");
  const site = fs
    .readFileSync(path.join(repoRoot, "deploy/nginx.conf"), "utf8")
    .replace("server web:3000;", upstreams)
    .replace("listen 80;", `listen 127.0.0.1:${listen};`);
  if (!site.includes(upstreams)) throw new Error("deploy/nginx.conf no longer names `server web:3000;`");
  fs.writeFileSync(path.join(dir, "site.conf"), site);
  const main = `pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events {}
http {
  log_format upstream '$upstream_addr $status $request';
  access_log ${dir}/access.log upstream;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  include ${dir}/site.conf;
}
`;
  fs.writeFileSync(path.join(dir, "nginx.conf"), main);
  return path.join(dir, "nginx.conf");
}

async function startDeployment(): Promise<Deployment> {
  const redis: RedisHandle = await startRedis();
  const db: TempDb = createTempDb();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "actlab-replicas-"));
  const proxyPort = await freePort();
  const proxyUrl = `http://localhost:${proxyPort}`;
  const folder = (name: string) => {
    fs.mkdirSync(path.join(dir, name));
    return path.join(dir, name);
  };
  const env = {
    DATABASE_URL: db.url,
    REDIS_URL: redis.url,
    ACTLAB_AUTH_SECRET: "replica-secret-replica-secret-0123456789",
    // Open to a network, as behind a proxy: no local mode, the owner comes through the setup link.
    HOST: "0.0.0.0",
    ACTLAB_PUBLIC_URL: proxyUrl,
    ACTLAB_SIGNUP: "invite",
    ACTLAB_TRUSTED_PROXIES: "127.0.0.1",
    ACTLAB_ARTIFACT_STORE: "database",
  };
  const replicas = [
    await startWebApp({ ...env, ACTLAB_DATA_DIR: folder("web-a") }),
    await startWebApp({ ...env, ACTLAB_DATA_DIR: folder("web-b") }),
  ];
  const worker = await startWorkerApp({
    ...env,
    ACTLAB_DATA_DIR: folder("worker"),
    ACTLAB_WORKER_SLOTS: "1",
  });
  const proxy: AppProcess = spawnApp(
    NGINX,
    ["-c", proxyConfig(dir, proxyPort, replicas), "-g", "daemon off;"],
    {
      cwd: dir,
      env: {},
    },
  );
  await waitFor(
    `the proxy\n${proxy.output()}`,
    async () => (await fetch(proxyUrl).catch(() => null)) !== null,
    20_000,
  );
  return {
    proxyUrl,
    replicas,
    accessLog: () => fs.readFileSync(path.join(dir, "access.log"), "utf8").split("\n").filter(Boolean),
    async stop() {
      await Promise.all([proxy.stop(), worker.stop(), ...replicas.map((r) => r.process.stop())]);
      await redis.stop();
      db.remove();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

const setupToken = (web: WebApp) => /[?&]setup=([A-Za-z0-9_-]+)/.exec(web.process.output())?.[1];

describe("two web replicas behind nginx, sharing the database, Redis and the secret", () => {
  const d = fixtureForSuite("the deployment", startDeployment, (x) => x.stop(), 180_000);
  let cookie = "";

  const trpc = async (base: string, procedure: string, input: unknown, method: "GET" | "POST" = "GET") => {
    const url = new URL(`${base}/api/trpc/${procedure}`);
    if (method === "GET") url.searchParams.set("input", JSON.stringify({ json: input }));
    const res = await fetch(url, {
      method,
      headers: { cookie, origin: d.proxyUrl, "content-type": "application/json" },
      body: method === "POST" ? JSON.stringify({ json: input }) : undefined,
    });
    const body = (await res.json()) as { result?: { data?: { json?: Record<string, unknown> } } };
    return { status: res.status, data: body.result?.data?.json, body };
  };

  it("print one setup link, which creates the owner through the proxy and signs them in on both", async () => {
    const [a, b] = d.replicas as [WebApp, WebApp];
    const token = await waitFor(
      "both setup links",
      async () => setupToken(a) && setupToken(b) && setupToken(a),
      20_000,
    );
    expect(setupToken(b)).toBe(token);
    const signUp = await fetch(`${d.proxyUrl}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: d.proxyUrl, "x-actlab-setup": token },
      body: JSON.stringify({
        name: "Owner",
        email: "owner@example.org",
        password: "correct-horse-battery-1",
      }),
    });
    expect(signUp.status).toBe(200);
    cookie = (signUp.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    for (const replica of d.replicas) {
      const me = await trpc(replica.baseUrl, "workspaces.me", undefined);
      expect(me.status, replica.baseUrl).toBe(200);
      expect(JSON.stringify(me.data)).toContain("owner@example.org");
    }
  });

  it("keep an MLflow artifact one replica stored readable from the other", async () => {
    const created = await trpc(d.proxyUrl, "tokens.create", { name: "script" }, "POST");
    const apiToken = String(created.data?.token);
    const auth = { authorization: `Bearer ${apiToken}` };
    const run = (await (
      await fetch(`${d.proxyUrl}/api/2.0/mlflow/runs/create`, {
        method: "POST",
        headers: { ...auth, "content-type": "application/json" },
        body: JSON.stringify({ run_name: "replicas" }),
      })
    ).json()) as { run: { info: { artifact_uri: string } } };
    const root = run.run.info.artifact_uri.replace(/^mlflow-artifacts:\//, "");
    const bytes = Buffer.from(Array.from({ length: 3 * 2 ** 20 + 17 }, (_, i) => (i * 31) % 256));
    const [a, b] = d.replicas as [WebApp, WebApp];
    const put = await fetch(`${a.baseUrl}/api/2.0/mlflow-artifacts/artifacts/${root}/model.bin`, {
      method: "PUT",
      headers: auth,
      body: bytes,
    });
    expect(put.status).toBe(200);
    const got = await fetch(`${b.baseUrl}/api/2.0/mlflow-artifacts/artifacts/${root}/model.bin`, {
      headers: auth,
    });
    expect(Buffer.from(await got.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it("stream a run's live events through the proxy while the worker trains it, and both see it finish", async () => {
    const launched = await trpc(
      d.proxyUrl,
      "runs.create",
      {
        config: {
          // Events go out a flush (≤ 200 ms) at a time: long enough for ten of them.
          dataset: { kind: "generated", name: "spirals", samples: 4000 },
          hiddenLayers: [32, 32],
          activation: "tanh",
          epochs: 300,
        },
      },
      "POST",
    );
    const runId = String(launched.data?.id);
    const started = Date.now();
    const live = await fetch(
      `${d.proxyUrl}/api/trpc/runs.live?input=${encodeURIComponent(JSON.stringify({ json: { runId } }))}`,
      { headers: { cookie, accept: "text/event-stream" } },
    );
    expect(live.headers.get("content-type")).toMatch(/text\/event-stream/);
    const reader = (live.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let events = 0;
    let firstEventMs = -1;
    // Each read is bounded too: a stream that goes quiet must fail the count below, not hang the test.
    const deadline = started + 60_000;
    while (events < 10 && Date.now() < deadline) {
      const next = await Promise.race([
        reader.read(),
        new Promise<null>((resolve) => setTimeout(() => resolve(null), deadline - Date.now())),
      ]);
      if (!next || next.done) break;
      const { value } = next;
      const count = (decoder.decode(value).match(/^data:/gm) ?? []).length;
      if (count > 0 && firstEventMs < 0) firstEventMs = Date.now() - started;
      events += count;
    }
    await reader.cancel();
    console.log(JSON.stringify({ name: "replicas.live_through_proxy", events, firstEventMs }));
    expect(events).toBeGreaterThanOrEqual(10);
    for (const replica of d.replicas) {
      const status = await waitFor(
        `run ${runId} finished, seen from ${replica.baseUrl}`,
        async () => {
          const got = await trpc(replica.baseUrl, "runs.get", { runId });
          const s = (got.data?.run as { status?: string } | undefined)?.status;
          return s === "COMPLETED" || s === "FAILED" ? s : undefined;
        },
        90_000,
        250,
      );
      expect(status).toBe("COMPLETED");
    }
    // nginx spread the requests over both replicas.
    const upstreams = new Set(d.accessLog().map((line) => line.split(" ")[0]));
    expect(upstreams.size).toBe(2);
  });
});
