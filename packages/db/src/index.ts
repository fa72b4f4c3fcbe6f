/** @actlab/db: the only code that talks to the database. */
export * from "./checkpoint-reads";
export * from "./checkpoints";
export * from "./client";
export * from "./compare";
export * from "./downsample";
export * from "./logs";
export * from "./metric-summary";
export * from "./metrics";
export * from "./params";
export * from "./run-table-query";
export * from "./runs";
export * from "./sweeps";
export * from "./verdict-data";
export * from "./workspace";
