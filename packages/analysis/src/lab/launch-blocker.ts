/** Why a claim cannot be tested on a dataset (null when it can): the page greys the button with the same words the server refuses with. */
import { classesOf, type DatasetSpec, ZDatasetSpec } from "@actlab/core";
import type { LabClaim } from "./types";

export function launchBlocker(claim: LabClaim, dataset: DatasetSpec): string | null {
  if (!claim.needsClasses) return null;
  // The classes of the data as the claim runs it: a claim may ask a generator for more classes.
  const asRun = ZDatasetSpec.parse(claim.sweep(dataset, 2).base.dataset);
  const classes = classesOf(asRun);
  if (classes === null || classes >= claim.needsClasses) return null;
  return `needs a dataset with at least ${claim.needsClasses} classes; this one has ${classes}`;
}
