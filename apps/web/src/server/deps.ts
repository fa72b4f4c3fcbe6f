/** Server singletons (database, queue, live-event hub), created once per process and reused across requests. */
import { type ApiDeps, createRunEventHub } from "@actlab/api";
import { ensureLocalWorkspace, openDb } from "@actlab/db";
import { parseEnv } from "@actlab/env";
import { createRedis, createTrainQueue } from "@actlab/queue";

type ServerState = { deps: ApiDeps; localUserId: Promise<string> };

const globalKey = Symbol.for("actlab.server");
type GlobalWithState = typeof globalThis & { [globalKey]?: ServerState };

export function serverState(): ServerState {
  const g = globalThis as GlobalWithState;
  if (g[globalKey]) return g[globalKey];
  const env = parseEnv(process.env);
  const db = openDb(env.databaseUrl);
  const queue = createTrainQueue(createRedis(env.redisUrl, { forBullmq: true }));
  const events = createRunEventHub(createRedis(env.redisUrl));
  const state: ServerState = {
    deps: { db, queue, events, redis: createRedis(env.redisUrl) },
    localUserId: ensureLocalWorkspace(db).then((scope) => scope.userId),
  };
  g[globalKey] = state;
  return state;
}
