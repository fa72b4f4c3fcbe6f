/** @actlab/test-utils: real Redis, real SQLite files and real app processes for integration tests, one per suite. */
export * from "./processes";
export * from "./redis-server";
export * from "./suite-fixture";
export * from "./temp-db";
