/** @actlab/tracking: MLflow's tracking REST API over Actlab's projects, runs, params, tags and metrics. */
export type { ArtifactStore } from "./artifacts/artifact-store";
export { createDatabaseArtifactStore } from "./artifacts/database-store";
export { createFolderArtifactStore } from "./artifacts/folder-store";
export { ARTIFACTS_PREFIX, handleArtifactRequest } from "./artifacts/handle-artifacts";
export type { TrackingDeps } from "./context";
export { MLFLOW_ERROR_STATUS, MlflowError, type MlflowErrorCode } from "./errors";
export { handleTrackingRequest, MLFLOW_PREFIX } from "./handle-request";
export { BATCH_LIMITS } from "./limits";
export { READ_ROUTES, ROUTES } from "./routes";
