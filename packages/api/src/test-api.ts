/**
 * A real API for tests: a migrated SQLite file, a real redis-server, the local user, a caller factory,
 * and helpers to add users, workspaces and memberships (for authorisation tests).
 */
import type { TrainConfigInput } from "@actlab/core";
import { createWorkspace, type Db, ensureLocalWorkspace, openDb } from "@actlab/db";
import { prismaForTests } from "@actlab/db/testing";
import { createRedis, createTrainQueue, type TrainQueue } from "@actlab/queue";
import { createTempDb, fixtureForSuite, type RedisHandle, startRedis, type TempDb } from "@actlab/test-utils";
import { TRPCError } from "@trpc/server";
import type { Redis } from "ioredis";
import type { ApiDeps } from "./context";
import { createCaller } from "./root";
import { createRunEventHub } from "./run-event-hub";
import { createComparisonCache } from "./runs/comparison-cache";

/** A small run every launch check accepts (moons, one hidden layer of 4, ReLU), for tests about something else. */
export const SMALL_MOONS_RUN: TrainConfigInput = {
  dataset: { kind: "generated", name: "moons" },
  hiddenLayers: [4],
  activation: "relu",
};

type Role = "VIEWER" | "EDITOR" | "OWNER";

export type TestApi = {
  deps: ApiDeps;
  db: Db;
  queue: TrainQueue;
  userId: string;
  projectId: string;
  /** The local workspace (the local user is its OWNER). */
  workspaceId: string;
  caller(
    userId?: string | null,
    currentWorkspaceId?: string | null,
    currentProjectId?: string | null,
  ): ReturnType<typeof createCaller>;
  /** The local user's caller, with a queue that refuses new jobs as an unreachable Redis does. */
  callerWithQueueDown(): ReturnType<typeof createCaller>;
  /** A user without a password (tests act as them through `caller`). */
  addUser(name: string): Promise<string>;
  /** Gives `userId` a role in a workspace (the local one by default). */
  addMember(userId: string, role: Role, workspaceId?: string): Promise<void>;
  /** A new user with a role in a workspace (the local one by default). */
  addUserAs(name: string, role: Role, workspaceId?: string): Promise<string>;
  /** A new workspace owned by `ownerId`, with its default project. */
  addWorkspace(ownerId: string, name: string): Promise<{ workspaceId: string; projectId: string }>;
  close(): Promise<void>;
};

export async function createTestApi(): Promise<TestApi> {
  const redisServer: RedisHandle = await startRedis();
  const temp: TempDb = createTempDb();
  const db = openDb(temp.url);
  const { userId, projectId, workspaceId } = await ensureLocalWorkspace(db);
  const conn: Redis = createRedis(redisServer.url, { forBullmq: true });
  const redis: Redis = createRedis(redisServer.url);
  const queue = createTrainQueue(conn);
  const events = createRunEventHub(createRedis(redisServer.url));
  const deps: ApiDeps = {
    db,
    queue,
    events,
    redis,
    comparisons: createComparisonCache({ maxBytes: 64 << 20 }),
  };
  const addUser = async (name: string) => {
    const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, ".")}.${Math.random().toString(36).slice(2, 8)}@test.invalid`;
    return (await prismaForTests(db).user.create({ data: { name, email } })).id;
  };
  const addMember = async (memberId: string, role: Role, ws = workspaceId) => {
    await prismaForTests(db).membership.create({ data: { userId: memberId, workspaceId: ws, role } });
  };
  return {
    deps,
    db,
    queue,
    userId,
    projectId,
    workspaceId,
    caller: (id = userId, currentWorkspaceId = null, currentProjectId = null) =>
      createCaller({ ...deps, userId: id, currentWorkspaceId, currentProjectId }),
    callerWithQueueDown: () => createCaller({ ...deps, queue: queueThatCannotAdd(queue), userId }),
    addUser,
    addMember,
    async addUserAs(name, role, ws = workspaceId) {
      const id = await addUser(name);
      await addMember(id, role, ws);
      return id;
    },
    async addWorkspace(ownerId, name) {
      const ws = await createWorkspace(db, ownerId, name);
      const project = await prismaForTests(db).project.findFirstOrThrow({ where: { workspaceId: ws.id } });
      return { workspaceId: ws.id, projectId: project.id };
    },
    async close() {
      await events.close();
      await queue.close();
      await conn.quit();
      await redis.quit();
      await db.close();
      await redisServer.stop();
      temp.remove();
    },
  };
}

/** A fresh test API for the suite it is called in (read its fields inside hooks and tests). */
export function testApiForSuite(): TestApi {
  return fixtureForSuite("the test API", createTestApi, (api) => api.close());
}

/** The tRPC error code a call fails with, or "ok" when it succeeds: what authorisation tests compare. */
export function trpcCodeOf(call: Promise<unknown>): Promise<string> {
  return call.then(
    () => "ok",
    (err: unknown) => (err instanceof TRPCError ? err.code : String(err)),
  );
}

/** The queue as it is, except that adding a job fails the way BullMQ does when Redis is down. */
function queueThatCannotAdd(queue: TrainQueue): TrainQueue {
  return new Proxy(queue, {
    get(target, key) {
      if (key === "add") return () => Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:6379"));
      const value = Reflect.get(target, key, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
