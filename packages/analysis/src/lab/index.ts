/** The activation lab: textbook claims as experiments, and the measured answer from their runs. */
export { findLabClaim, LAB_CLAIM_IDS, LAB_CLAIMS } from "./claims/index";
export { launchBlocker } from "./launch-blocker";
export type { EpochPoint, LabAnswer, LabChart, LabChartSeries, LabClaim, LabOutcome, LabRun } from "./types";
