/**
 * For tests: a real HTTP server around handleTrackingRequest with a migrated SQLite file, a real
 * redis-server and real accounts, tokens and workspaces, so tests send what MLflow's client sends.
 */
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { createAuth, createRequestAuth } from "@actlab/api";
import { createApiToken, createWorkspace, type Db, ensureLocalWorkspace, openDb } from "@actlab/db";
import { prismaForTests } from "@actlab/db/testing";
import { createRedis } from "@actlab/queue";
import { createTempDb, fixtureForSuite, type RedisHandle, startRedis, type TempDb } from "@actlab/test-utils";
import type { Redis } from "ioredis";
import { createDatabaseArtifactStore } from "./artifacts/database-store";
import { createFolderArtifactStore } from "./artifacts/folder-store";
import { ARTIFACTS_PREFIX, handleArtifactRequest } from "./artifacts/handle-artifacts";
import type { TrackingDeps } from "./context";
import { handleTrackingRequest } from "./handle-request";
import { ROUTES } from "./routes";

const GET_ONLY = new Set(
  Object.entries(ROUTES)
    .filter(([, r]) => !r.methods.includes("POST"))
    .map(([path]) => path),
);

export type Member = { userId: string; token: string };

export type TrackingTestServer = {
  url: string;
  db: Db;
  redis: Redis;
  redisUrl: string;
  /** Where uploaded artifact bytes land with the folder store (a temporary folder). */
  artifactRoot: string;
  /** What the artifact store holds: the folder's entries, or the database's chunks. */
  storedArtifactFiles(): Promise<string[]>;
  /** POST JSON (or GET with query parameters) to /api/2.0/mlflow/<path>; returns status and parsed body. */
  call(
    path: string,
    body?: Record<string, unknown>,
    options?: { method?: "GET" | "POST"; token?: string | null; headers?: Record<string, string> },
  ): Promise<{ status: number; body: Record<string, unknown> & { error_code?: string; message?: string } }>;
  /** A user with an API token; the first one ends local mode (an account exists). */
  addUser(name: string): Promise<Member>;
  /** A new workspace owned by `ownerId` with its default project. */
  addWorkspace(ownerId: string, name: string): Promise<{ workspaceId: string; projectId: string }>;
  addMember(userId: string, workspaceId: string, role: "VIEWER" | "EDITOR" | "OWNER"): Promise<void>;
  close(): Promise<void>;
};

type TrackingTestOptions = { maxArtifactBytes?: number; artifactStore?: "folder" | "database" };

/** The database store's chunk in tests: small, so files of a few hundred KiB span several. */
const TEST_CHUNK_BYTES = 64 * 1024;

export async function startTrackingTestServer(
  options: TrackingTestOptions = {},
): Promise<TrackingTestServer> {
  const redisServer: RedisHandle = await startRedis();
  const temp: TempDb = createTempDb();
  const db = openDb(temp.url);
  await ensureLocalWorkspace(db);
  const redis = createRedis(redisServer.url);
  const auth = createAuth({ db, secret: "test-secret-test-secret-test-secret-0123", redis });
  const requestAuth = createRequestAuth(db, auth, { redis });
  const artifactRoot = fs.mkdtempSync(path.join(os.tmpdir(), "actlab-artifacts-"));
  const deps: TrackingDeps = {
    db,
    redis,
    artifacts:
      options.artifactStore === "database"
        ? createDatabaseArtifactStore(db, TEST_CHUNK_BYTES)
        : createFolderArtifactStore(artifactRoot),
    maxArtifactBytes: options.maxArtifactBytes ?? 64 * 2 ** 20,
  };
  const server = http.createServer(async (req, res) => {
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
    if (req.url?.startsWith(ARTIFACTS_PREFIX)) {
      // Streamed, as the web server hands an upload over: the handler decides how much it reads.
      const hasBody = req.method === "PUT";
      const request = new Request(`http://${req.headers.host}${req.url}`, {
        method: req.method,
        headers,
        body: hasBody ? bodyStream(req) : undefined,
        duplex: "half",
      } as RequestInit);
      const response = await handleArtifactRequest(request, deps, requestAuth);
      const out: Record<string, string> = {};
      response.headers.forEach((v, k) => {
        out[k] = v;
      });
      res.writeHead(response.status, out);
      res.end(Buffer.from(await response.arrayBuffer()));
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request = new Request(`http://${req.headers.host}${req.url}`, {
      method: req.method,
      headers,
      body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
    });
    const response = await handleTrackingRequest(request, deps, requestAuth);
    res.writeHead(response.status, { "content-type": response.headers.get("content-type") ?? "text/plain" });
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    db,
    redis,
    redisUrl: redisServer.url,
    artifactRoot,
    async storedArtifactFiles() {
      if (options.artifactStore !== "database")
        return fs.readdirSync(artifactRoot, { recursive: true }).map(String);
      const chunks = await prismaForTests(db).artifactChunk.findMany({
        select: { runId: true, path: true, seq: true },
      });
      return chunks.map((c) => `${c.runId}/${c.path}#${c.seq}`);
    },
    async call(path, body = {}, options = {}) {
      const method = options.method ?? (GET_ONLY.has(path) ? "GET" : "POST");
      const headers: Record<string, string> = { ...options.headers };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      let target = `${url}/api/2.0/mlflow/${path}`;
      let payload: string | undefined;
      if (method === "GET") {
        const q = new URLSearchParams();
        for (const [k, v] of Object.entries(body))
          for (const x of Array.isArray(v) ? v : [v]) q.append(k, String(x));
        target += `?${q}`;
      } else {
        headers["content-type"] = "application/json";
        payload = JSON.stringify(body);
      }
      const res = await fetch(target, { method, headers, body: payload });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    },
    async addUser(name) {
      const user = await prismaForTests(db).user.create({
        data: { name, email: `${name.toLowerCase()}.${Math.random().toString(36).slice(2, 8)}@test.invalid` },
      });
      // An account row is what ends local mode: from now on every call needs a token.
      await prismaForTests(db).account.create({
        data: { userId: user.id, accountId: user.id, providerId: "credential" },
      });
      const { token } = await createApiToken(db, user.id, "test");
      return { userId: user.id, token };
    },
    async addWorkspace(ownerId, name) {
      const ws = await createWorkspace(db, ownerId, name);
      const project = await prismaForTests(db).project.findFirstOrThrow({ where: { workspaceId: ws.id } });
      return { workspaceId: ws.id, projectId: project.id };
    },
    async addMember(userId, workspaceId, role) {
      await prismaForTests(db).membership.create({ data: { userId, workspaceId, role } });
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await redis.quit();
      await db.close();
      await redisServer.stop();
      temp.remove();
      fs.rmSync(artifactRoot, { recursive: true, force: true });
    },
  };
}

/** A tracking test server for the suite it is called in (read its fields inside hooks and tests). */
export function trackingServerForSuite(options: TrackingTestOptions = {}): TrackingTestServer {
  return fixtureForSuite(
    "the tracking test server",
    () => startTrackingTestServer(options),
    (s) => s.close(),
  );
}

/** A user who owns a workspace of their own, added before the suite's tests (read its fields inside them). */
export function workspaceOwnerForSuite(s: TrackingTestServer, name: string, workspace: string): Member {
  return fixtureForSuite(
    `${name}, owner of ${workspace}`,
    async () => {
      const owner = await s.addUser(name);
      await s.addWorkspace(owner.userId, workspace);
      return owner;
    },
    // The server's own fixture removes the database the user and workspace live in.
    async () => {},
  );
}

export type WorkspaceWithRoles = { workspaceId: string; owner: Member; viewer: Member; outsider: Member };

/** A "Team" workspace with its owner and a viewer, and an outsider who owns only a workspace of their own. */
export async function workspaceWithRoles(s: TrackingTestServer): Promise<WorkspaceWithRoles> {
  const owner = await s.addUser("Owner");
  const viewer = await s.addUser("Viewer");
  const outsider = await s.addUser("Outsider");
  const { workspaceId } = await s.addWorkspace(owner.userId, "Team");
  await s.addWorkspace(outsider.userId, "Elsewhere");
  await s.addMember(viewer.userId, workspaceId, "VIEWER");
  return { workspaceId, owner, viewer, outsider };
}

/**
 * The request body as a web stream whose cancel drops the connection, as a server does when a handler
 * stops reading (Node's Readable.toWeb throws into the void when data arrives after a cancel).
 */
function bodyStream(req: http.IncomingMessage): ReadableStream<Uint8Array> {
  let open = true;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      req.on("data", (chunk: Buffer) => {
        if (open) controller.enqueue(new Uint8Array(chunk));
      });
      req.on("end", () => {
        if (open) controller.close();
        open = false;
      });
      req.on("error", (err) => {
        if (open) controller.error(err);
        open = false;
      });
    },
    cancel() {
      open = false;
      req.destroy();
    },
  });
}
