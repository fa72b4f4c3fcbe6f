/** @actlab/analysis: statistics over runs (smoothing, seed aggregation, tests) and the sweep verdict. Pure TS, browser-safe. */
export * from "./aggregate";
export * from "./describe";
export * from "./lab/index";
export * from "./smoothing";
export * from "./t-distribution";
export * from "./t-test";
export * from "./tost";
export * from "./verdict";
export { mostStrikingDiagnostic, pText } from "./verdict-sentence";
export * from "./verdict-types";
