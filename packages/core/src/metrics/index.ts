/** Metric keys by name and which of them a rerun reproduces. */
export * from "./metric-keys";
export * from "./reproducibility";
