/** Every claim the lab tests, in the order its page shows them. */
import type { LabClaim } from "../types";
import { binaryStepClaim } from "./binary-step";
import { dyingReluClaim } from "./dying-relu";
import { learnedMixClaim } from "./learned-mix";
import { linearCollapseClaim } from "./linear-collapse";
import { preluSlopeClaim } from "./prelu-slope";
import { softmaxOutputClaim } from "./softmax-output";
import { swishDeepClaim } from "./swish-deep";
import { tanhVsSigmoidClaim } from "./tanh-vs-sigmoid";
import { vanishingSigmoidClaim } from "./vanishing-sigmoid";

export const LAB_CLAIMS: readonly LabClaim[] = Object.freeze([
  binaryStepClaim,
  linearCollapseClaim,
  vanishingSigmoidClaim,
  tanhVsSigmoidClaim,
  dyingReluClaim,
  preluSlopeClaim,
  softmaxOutputClaim,
  swishDeepClaim,
  learnedMixClaim,
]);

export const LAB_CLAIM_IDS = LAB_CLAIMS.map((claim) => claim.id);

export function findLabClaim(id: string): LabClaim | undefined {
  return LAB_CLAIMS.find((claim) => claim.id === id);
}
