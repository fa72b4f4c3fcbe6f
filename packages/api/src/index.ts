/** @actlab/api: tRPC routers and procedure builders; the web app mounts them. */

export * from "./auth";
export type { ApiContext, ApiDeps } from "./context";
export { DATASETS_UPLOAD_PATH, handleDatasetUpload } from "./datasets/upload-request";
export { type AppRouter, appRouter, createCaller, type RouterInputs, type RouterOutputs } from "./root";
export { createRunEventHub, type RunEventHub } from "./run-event-hub";
export { type ComparisonCache, createComparisonCache } from "./runs/comparison-cache";
export { cancelOpenRuns, retryRun } from "./runs/lifecycle";
export { type Access, AccessDenied, type ProcedureMeta, ROLES, type Role } from "./trpc";
export { currentProject } from "./workspaces/current-project";
