/** @actlab/db: the only code that talks to the database. */
export * from "./checkpoints";
export * from "./client";
export * from "./logs";
export * from "./metrics";
export * from "./params";
export * from "./runs";
export * from "./sweeps";
export * from "./workspace";
