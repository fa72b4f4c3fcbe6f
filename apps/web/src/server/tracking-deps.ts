/** The MLflow routes' singletons: the API's database and Redis, plus the artifact store in the data folder. */
import path from "node:path";
import { parseEnv } from "@actlab/env";
import { createFolderArtifactStore, type TrackingDeps } from "@actlab/tracking";
import { serverState } from "./deps";

const globalKey = Symbol.for("actlab.tracking");
type GlobalWithTracking = typeof globalThis & { [globalKey]?: TrackingDeps };

export function trackingDeps(): TrackingDeps {
  const g = globalThis as GlobalWithTracking;
  if (g[globalKey]) return g[globalKey];
  const env = parseEnv(process.env);
  const { db, redis } = serverState().deps;
  const deps: TrackingDeps = {
    db,
    redis,
    artifacts: createFolderArtifactStore(path.join(env.dataDir, "artifacts")),
    maxArtifactBytes: env.maxArtifactBytes,
  };
  g[globalKey] = deps;
  return deps;
}
