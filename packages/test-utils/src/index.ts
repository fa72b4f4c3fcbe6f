/** @actlab/test-utils: real Redis, databases (SQLite or PostgreSQL), app processes and the built web app for tests. */
export * from "./processes";
export * from "./redis-server";
export * from "./suite-fixture";
export * from "./temp-db";
export * from "./web-app";
export * from "./worker-app";
