/** A sweep: a base config and the axes to vary (grid, or random search with a budget), times N seeds. */
import { z } from "zod";
import { HIDDEN_ACTIVATIONS } from "../activations/names";
import { BUDGETS } from "../budgets";
import { INIT_SCHEMES, LIMITS, LOSSES, OPTIMIZERS, ZDatasetSpec, ZTrainConfig } from "../config";

export const SWEEP_LIMITS = Object.freeze({
  /** Above this many runs the launch must be confirmed. */
  confirmAbove: 100,
  /**
   * Above this many runs a sweep is refused outright: the runs-per-sweep budget, so the form never offers
   * to confirm a sweep the server would refuse.
   */
  maxRuns: BUDGETS.maxSweepRuns,
  maxSeeds: 50,
});

const layerSizes = z.array(z.int().min(1).max(LIMITS.maxUnits)).min(1).max(LIMITS.maxLayers);
const axis = <T extends z.ZodType>(item: T) =>
  z.array(item).min(1, "an axis needs at least one value").max(64).optional();

export const ZSweepAxes = z.object({
  activation: axis(z.enum(HIDDEN_ACTIVATIONS)),
  lr: axis(
    z
      .number()
      .gt(0, "learning rates must be > 0")
      .max(LIMITS.maxLr, `learning rates must be ≤ ${LIMITS.maxLr}`),
  ),
  hiddenLayers: axis(layerSizes),
  optimizer: axis(z.enum(OPTIMIZERS)),
  loss: axis(z.enum(LOSSES)),
  init: axis(z.enum(INIT_SCHEMES)),
  batchSize: axis(z.int().min(1).max(LIMITS.maxBatchSize)),
  epochs: axis(z.int().min(1).max(LIMITS.maxEpochs)),
  dataset: axis(ZDatasetSpec),
});
export type SweepAxes = z.infer<typeof ZSweepAxes>;

export const ZSweepSpec = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    /** Every run starts from this config; the axes override its fields. */
    base: ZTrainConfig,
    axes: ZSweepAxes.default({}),
    /** Seeds 0 … seeds-1 are added to the base seed for every configuration. */
    seeds: z.int().min(1, "at least one seed").max(SWEEP_LIMITS.maxSeeds).default(1),
    search: z
      .discriminatedUnion("kind", [
        z.object({ kind: z.literal("grid") }),
        z.object({
          kind: z.literal("random"),
          /** Number of sampled configurations (each run with every seed). */
          budget: z.int().min(1).max(SWEEP_LIMITS.maxRuns),
          /** Learning rate drawn log-uniformly from this range, instead of from the lr axis. */
          lrRange: z
            .object({
              min: z
                .number()
                .gt(0, "lrRange.min must be > 0")
                .max(LIMITS.maxLr, `lrRange.min must be ≤ ${LIMITS.maxLr}`),
              max: z
                .number()
                .gt(0, "lrRange.max must be > 0")
                .max(LIMITS.maxLr, `lrRange.max must be ≤ ${LIMITS.maxLr}`),
            })
            .refine((r) => r.min <= r.max, "lrRange.min must be ≤ lrRange.max")
            .optional(),
          seed: z
            .int("the search seed must be a whole number")
            .min(0, "the search seed must be ≥ 0")
            .max(2 ** 31 - 1, "the search seed must be < 2^31")
            .default(0),
        }),
      ])
      .default({ kind: "grid" }),
    /** Must be true to launch more than SWEEP_LIMITS.confirmAbove runs. */
    confirmed: z.boolean().default(false),
  })
  .superRefine((spec, ctx) => {
    const runs = countSweepRuns(spec);
    if (runs > SWEEP_LIMITS.maxRuns) {
      ctx.addIssue({
        code: "custom",
        path: ["axes"],
        message: `this sweep would launch ${runs.toLocaleString("en")} runs; the limit is ${SWEEP_LIMITS.maxRuns.toLocaleString("en")}`,
      });
    } else if (runs > SWEEP_LIMITS.confirmAbove && !spec.confirmed) {
      ctx.addIssue({
        code: "custom",
        path: ["confirmed"],
        message: `this sweep launches ${runs} runs: confirm to go ahead`,
      });
    }
  });
export type SweepSpec = z.infer<typeof ZSweepSpec>;
export type SweepSpecInput = z.input<typeof ZSweepSpec>;

type CountableSpec = {
  axes: SweepAxes;
  seeds: number;
  search: { kind: "grid" } | { kind: "random"; budget: number };
};

/** How many runs a sweep launches: configurations × seeds. */
export function countSweepRuns(spec: CountableSpec): number {
  const configs =
    spec.search.kind === "random"
      ? spec.search.budget
      : Object.values(spec.axes).reduce((n, values) => n * (values?.length ?? 1), 1);
  return configs * spec.seeds;
}
