/** @actlab/test-utils: real Redis, real SQLite files and real app processes for integration tests. */
export * from "./processes";
export * from "./redis-server";
export * from "./temp-db";
