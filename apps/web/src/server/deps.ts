/** Server singletons (database, queue, live-event hub, accounts), created once per process and reused across requests. */
import {
  type ApiDeps,
  createAuth,
  createComparisonCache,
  createRequestAuth,
  createRunEventHub,
  createSetupLink,
  type RequestAuth,
} from "@actlab/api";
import { isLoopbackBind } from "@actlab/api/network";
import { openDb } from "@actlab/db";
import { parseEnv, resolveAuthSecret } from "@actlab/env";
import { createRedis, createTrainQueue } from "@actlab/queue";
import { processSingleton } from "./process-singleton";

type ServerState = { deps: ApiDeps; requestAuth: RequestAuth };

export const serverState = processSingleton("actlab.server", (): ServerState => {
  const env = parseEnv(process.env);
  const db = openDb(env.databaseUrl);
  const queue = createTrainQueue(createRedis(env.redisUrl, { forBullmq: true }));
  const events = createRunEventHub(createRedis(env.redisUrl));
  // Local mode (no account yet) is decided per request by requestAuth, which creates the local
  // workspace on first use: a restart after the first sign-up never brings the local user back.
  const secureCookies = env.publicUrl.protocol === "https:";
  const redis = createRedis(env.redisUrl);
  const secret = resolveAuthSecret(env);
  const auth = createAuth({ db, secret, redis, secureCookies });
  const bindsLoopback = isLoopbackBind(env.host);
  const network = {
    publicUrl: env.publicUrl,
    bindsLoopback,
    maxBodyBytes: env.maxBodyBytes,
    setupLink: bindsLoopback ? null : createSetupLink(db, secret),
    trustedProxies: env.trustedProxies,
  };
  return {
    deps: {
      db,
      queue,
      events,
      redis,
      comparisons:
        env.compareCacheMb > 0
          ? createComparisonCache({ maxBytes: env.compareCacheMb * 1024 * 1024 })
          : undefined,
    },
    requestAuth: createRequestAuth(db, auth, { redis, signup: env.signup, network }),
  };
});
