/** @actlab/queue: queue names, job contracts and event schemas, enqueue and pub/sub helpers. */

export * from "./code-version";
export * from "./constants";
export * from "./contracts";
export * from "./events";
export * from "./jobs";
export * from "./redis";
export * from "./train-queue";
export * from "./worker-registry";
