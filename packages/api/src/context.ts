/** What every procedure receives: the database, the queue, live events, and who is asking. */
import type { Db } from "@actlab/db";
import type { TrainQueue } from "@actlab/queue";
import type { Redis } from "ioredis";
import type { HttpCacheHints } from "./http-cache";
import type { RunEventHub } from "./run-event-hub";
import type { ComparisonCache } from "./runs/comparison-cache";

/**
 * redis: a plain command connection (publishing status changes). comparisons: the process's cache of
 * comparison series (none: every comparison reads the database).
 */
export type ApiDeps = {
  db: Db;
  queue: TrainQueue;
  events: RunEventHub;
  redis: Redis;
  comparisons?: ComparisonCache;
};

export type ApiContext = ApiDeps & {
  /** The signed-in user (session or API token); local mode signs everyone in as the local user. */
  userId: string | null;
  /** The workspace picked in the UI (a cookie): only a preference, the builders check the membership. */
  currentWorkspaceId?: string | null;
  /** The project picked in the UI among the current workspace's: only a preference too. */
  currentProjectId?: string | null;
  /** How the user was recognised; "local" means no account exists yet (local mode). */
  authVia?: "token" | "local" | "session" | "none";
  /** Over HTTP: what the batch's procedures said about keeping their answers (http-cache.ts). */
  httpCache?: HttpCacheHints;
};
