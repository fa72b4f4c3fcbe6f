/** Per-layer training diagnostics on a fixed probe batch. */

export type { DiagnosticsProbe } from "./probe";
export { createDiagnosticsProbe, SATURATED_SHARE, SATURATION_THRESHOLD } from "./probe";
