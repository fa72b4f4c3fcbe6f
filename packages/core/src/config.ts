/** The run configuration: the one schema the form, the API, the queue and the trainer all validate against. */
import { z } from "zod";
import { HIDDEN_ACTIVATIONS, MIXABLE_ACTIVATIONS } from "./activations/names";
import { BUILTIN_TABLES, GENERATED_DATASETS } from "./data/names";
import { METRIC } from "./metrics/metric-keys";

export const LIMITS = Object.freeze({
  maxLayers: 12,
  maxUnits: 4096,
  maxEpochs: 1000,
  maxBatchSize: 4096,
  maxGeneratedSamples: 100_000,
  maxLr: 10,
  maxClipNorm: 1000,
});

export const ZGeneratedDatasetSpec = z.object({
  kind: z.literal("generated"),
  name: z.enum(GENERATED_DATASETS, { error: `dataset must be one of ${GENERATED_DATASETS.join(", ")}` }),
  samples: z
    .int()
    .min(20, "at least 20 samples")
    .max(LIMITS.maxGeneratedSamples, `at most ${LIMITS.maxGeneratedSamples.toLocaleString("en-US")} samples`)
    .default(600),
  noise: z.number().min(0, "noise must be ≥ 0").max(1, "noise must be ≤ 1").default(0.1),
  /** Number of classes where the generator supports more than two (spirals, gaussians). */
  classes: z.int().min(2, "at least 2 classes").max(10, "at most 10 classes").default(2),
  /** The data's own seed, apart from the run seed, so runs with different seeds see the same data. */
  seed: z
    .int()
    .min(0, "the data seed must be ≥ 0")
    .max(2 ** 31 - 1, "the data seed must be < 2³¹")
    .default(1),
});

export const ZBuiltinDatasetSpec = z.object({
  kind: z.literal("builtin"),
  name: z.enum(BUILTIN_TABLES, { error: `dataset must be one of ${BUILTIN_TABLES.join(", ")}` }),
});

/** An upload, named by the SHA-256 of its stored bytes: a run records the exact version it trained on. */
export const ZUploadedDatasetSpec = z.object({
  kind: z.literal("uploaded"),
  hash: z.string().regex(/^[0-9a-f]{64}$/, "an uploaded dataset is named by its 64-hex SHA-256 hash"),
  /** Filled in from the project's dataset at launch, for labels; the hash alone decides the data. */
  name: z.string().min(1).max(200).optional(),
  version: z.number().int().positive().optional(),
});

export const ZDatasetSpec = z.discriminatedUnion("kind", [
  ZGeneratedDatasetSpec,
  ZBuiltinDatasetSpec,
  ZUploadedDatasetSpec,
]);
export type DatasetSpec = z.infer<typeof ZDatasetSpec>;

export const ZActivationOptions = z.object({
  leakySlope: z
    .number()
    .min(0, "the leaky slope must be ≥ 0")
    .max(1, "the leaky slope must be ≤ 1")
    .default(0.01),
  preluMode: z.enum(["layer", "unit"]).default("layer"),
  preluInit: z
    .number()
    .min(-1, "the PReLU init must be ≥ -1")
    .max(1, "the PReLU init must be ≤ 1")
    .default(0.25),
  swishBeta: z.number().min(0.01, "swish beta must be ≥ 0.01").max(10, "swish beta must be ≤ 10").default(1),
  swishLearnBeta: z.boolean().default(false),
  mixOf: z
    .array(z.enum(MIXABLE_ACTIVATIONS))
    .min(2, "a mix needs at least two base activations")
    .max(8, "a mix takes at most 8 base activations")
    .default(["relu", "tanh", "sigmoid", "linear"]),
});
export type ActivationOptions = z.infer<typeof ZActivationOptions>;

export const OPTIMIZERS = ["sgd", "momentum", "nesterov", "rmsprop", "adam", "adamw"] as const;
export const INIT_SCHEMES = [
  "auto",
  "glorot_uniform",
  "glorot_normal",
  "he_uniform",
  "he_normal",
  "lecun_uniform",
  "lecun_normal",
] as const;
export const LOSSES = ["cross_entropy", "bce", "mse"] as const;

export const ZSchedule = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("constant") }),
  z.object({
    kind: z.literal("step"),
    everyEpochs: z
      .int("the step schedule's period must be a whole number of epochs")
      .min(1, "the step schedule's period must be ≥ 1 epoch")
      .max(LIMITS.maxEpochs, `the step schedule's period must be ≤ ${LIMITS.maxEpochs} epochs`)
      .default(10),
    gamma: z
      .number()
      .gt(0, "the step schedule's gamma must be > 0")
      .lt(1, "the step schedule's gamma must be < 1")
      .default(0.5),
  }),
  z.object({
    kind: z.literal("cosine"),
    minLr: z
      .number()
      .min(0, "the cosine schedule's minimum learning rate must be ≥ 0")
      .max(LIMITS.maxLr, `the cosine schedule's minimum learning rate must be ≤ ${LIMITS.maxLr}`)
      .default(0),
  }),
]);

/** The shares of a dataset's rows a run keeps for validation and test unless it sets its own. */
export const DEFAULT_SPLIT = { validation: 0.2, test: 0 } as const;

export const ZTrainConfig = z.object({
  dataset: ZDatasetSpec,
  hiddenLayers: z
    .array(
      z
        .int("layer sizes must be whole numbers")
        .min(1, "a layer needs at least 1 unit")
        .max(LIMITS.maxUnits, `a layer may have at most ${LIMITS.maxUnits} units`),
    )
    .min(1, "add at least one hidden layer")
    .max(LIMITS.maxLayers, `at most ${LIMITS.maxLayers} hidden layers`),
  activation: z.enum(HIDDEN_ACTIVATIONS, {
    error: `activation must be one of ${HIDDEN_ACTIVATIONS.join(", ")}`,
  }),
  activationOptions: ZActivationOptions.default(ZActivationOptions.parse({})),
  loss: z.enum(LOSSES).default("cross_entropy"),
  optimizer: z
    .enum(OPTIMIZERS, { error: `optimizer must be one of ${OPTIMIZERS.join(", ")}` })
    .default("sgd"),
  lr: z
    .number()
    .gt(0, "learning rate must be > 0")
    .max(LIMITS.maxLr, `learning rate must be ≤ ${LIMITS.maxLr}`)
    .default(0.1),
  momentum: z.number().min(0, "momentum must be ≥ 0").lt(1, "momentum must be < 1").default(0.9),
  beta1: z.number().min(0, "beta1 must be ≥ 0").lt(1, "beta1 must be < 1").default(0.9),
  beta2: z.number().min(0, "beta2 must be ≥ 0").lt(1, "beta2 must be < 1").default(0.999),
  eps: z.number().gt(0, "eps must be > 0").max(1, "eps must be ≤ 1").default(1e-8),
  /** Decoupled weight decay (AdamW). */
  weightDecay: z.number().min(0, "weight decay must be ≥ 0").max(1, "weight decay must be ≤ 1").default(0.01),
  /** L2 penalty added to the loss (every optimiser). */
  l2: z.number().min(0, "the L2 penalty must be ≥ 0").max(1, "the L2 penalty must be ≤ 1").default(0),
  schedule: ZSchedule.default({ kind: "constant" }),
  warmupEpochs: z
    .int("warm-up must be a whole number of epochs")
    .min(0, "warm-up must be ≥ 0 epochs")
    .max(100, "warm-up must be ≤ 100 epochs")
    .default(0),
  init: z.enum(INIT_SCHEMES).default("auto"),
  /** Clip the global gradient L2 norm to this value; null = no clipping. */
  clipNorm: z
    .number()
    .gt(0, "the clip norm must be > 0")
    .max(LIMITS.maxClipNorm, `the clip norm must be ≤ ${LIMITS.maxClipNorm}`)
    .nullable()
    .default(null),
  batchSize: z
    .int("batch size must be a whole number")
    .min(1, "batch size must be ≥ 1")
    .max(LIMITS.maxBatchSize, `batch size must be ≤ ${LIMITS.maxBatchSize}`)
    .default(32),
  epochs: z
    .int("epochs must be a whole number")
    .min(1, "at least 1 epoch")
    .max(LIMITS.maxEpochs, `at most ${LIMITS.maxEpochs} epochs`)
    .default(50),
  seed: z
    .int("the seed must be a whole number")
    .min(0, "the seed must be ≥ 0")
    .max(2 ** 31 - 1, "the seed must be < 2³¹")
    .default(0),
  split: z
    .object({
      validation: z
        .number()
        .min(0, "the validation share must be ≥ 0")
        .max(0.5, "the validation share must be ≤ 0.5")
        .default(DEFAULT_SPLIT.validation),
      test: z
        .number()
        .min(0, "the test share must be ≥ 0")
        .max(0.5, "the test share must be ≤ 0.5")
        .default(DEFAULT_SPLIT.test),
    })
    .default(DEFAULT_SPLIT),
  standardize: z.boolean().default(true),
  earlyStopping: z
    .object({
      metric: z.enum([METRIC.valLoss, METRIC.valAcc]).default(METRIC.valLoss),
      patience: z
        .int("patience must be a whole number of epochs")
        .min(1, "patience must be ≥ 1 epoch")
        .max(1000, "patience must be ≤ 1000 epochs")
        .default(10),
      minDelta: z
        .number()
        .min(0, "the early-stopping min delta must be ≥ 0")
        .max(1, "the early-stopping min delta must be ≤ 1")
        .default(0),
    })
    .nullable()
    .default(null),
  /** Diagnostics every N epochs on a fixed probe batch of this many training samples. */
  diagnostics: z
    .object({
      everyEpochs: z
        .int("diagnostics must run every whole number of epochs")
        .min(1, "diagnostics must run at least every 1 epoch")
        .max(LIMITS.maxEpochs, `diagnostics must run at least every ${LIMITS.maxEpochs} epochs`)
        .default(1),
      probeSize: z
        .int("the probe size must be a whole number")
        .min(8, "the probe batch needs at least 8 samples")
        .max(4096, "the probe batch may have at most 4096 samples")
        .default(256),
    })
    .default({ everyEpochs: 1, probeSize: 256 }),
  /** Record train/loss every N steps (besides the per-epoch metrics). */
  logEverySteps: z
    .int("the logging period must be a whole number of steps")
    .min(1, "log at most every 1 step")
    .max(100_000, "log at least every 100,000 steps")
    .default(10),
});

/** A validated config with every default filled in. */
export type TrainConfig = z.infer<typeof ZTrainConfig>;
/** What a caller may send: defaults may be left out. */
export type TrainConfigInput = z.input<typeof ZTrainConfig>;

/** A dataset's short name for labels: the generator's or table's, or an upload's name and version. */
export function datasetLabel(dataset: DatasetSpec): string {
  if (dataset.kind !== "uploaded") return dataset.name;
  if (!dataset.name) return `upload ${dataset.hash.slice(0, 8)}`;
  return dataset.version ? `${dataset.name} v${dataset.version}` : dataset.name;
}
