/** @actlab/queue: queue names, job and event contracts, enqueue and pub/sub helpers. */
export * from "./constants";
export * from "./contracts";
export * from "./events";
export * from "./redis";
export * from "./train-queue";
