/** Sweeps: a grid or random search over run configs, times seeds. */
export * from "./expand";
export * from "./presets";
export * from "./spec";
