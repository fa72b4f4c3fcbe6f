/** The MLflow routes' singletons: the API's database and Redis, plus the artifact store ACTLAB_ARTIFACT_STORE names. */
import path from "node:path";
import { parseEnv } from "@actlab/env";
import { createDatabaseArtifactStore, createFolderArtifactStore, type TrackingDeps } from "@actlab/tracking";
import { serverState } from "./deps";
import { processSingleton } from "./process-singleton";

export const trackingDeps = processSingleton("actlab.tracking", (): TrackingDeps => {
  const env = parseEnv(process.env);
  const { db, redis } = serverState().deps;
  return {
    db,
    redis,
    artifacts:
      env.artifactStore === "database"
        ? createDatabaseArtifactStore(db)
        : createFolderArtifactStore(path.join(env.dataDir, "artifacts")),
    maxArtifactBytes: env.maxArtifactBytes,
  };
});
