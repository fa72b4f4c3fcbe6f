/** The rows a run gets for training, validation and test from a dataset under the default split. */
import { DEFAULT_SPLIT, splitSizes } from "@actlab/core";

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** `classCounts` when known gives the exact rows; without them (a table whose files are missing) they are rounded from `rows`. */
export function SplitLine({ rows, classCounts }: { rows: number; classCounts?: readonly number[] }) {
  const sizes = splitSizes(classCounts ?? [rows], DEFAULT_SPLIT);
  const about = classCounts ? "" : "≈ ";
  const n = (x: number) => `${about}${x.toLocaleString("en")}`;
  const train = 1 - DEFAULT_SPLIT.validation - DEFAULT_SPLIT.test;
  return (
    <span className="muted" data-testid="dataset-split">
      split by default: train {n(sizes.train)} ({pct(train)}) · validation {n(sizes.validation)} (
      {pct(DEFAULT_SPLIT.validation)}) · test {n(sizes.test)} ({pct(DEFAULT_SPLIT.test)}), stratified by class
      and seeded; a run can set its own
    </span>
  );
}
