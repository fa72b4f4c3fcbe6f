/** Dataset names: 2-D generators (any size, seeded) and the tables shipped with the repo. */
export const GENERATED_DATASETS = [
  "spirals",
  "moons",
  "circles",
  "xor",
  "gaussians",
  "checkerboard",
] as const;
export const BUILTIN_TABLES = ["iris", "wine", "breast_cancer", "digits", "mnist", "fashion_mnist"] as const;

export type GeneratedDatasetName = (typeof GENERATED_DATASETS)[number];
export type BuiltinTableName = (typeof BUILTIN_TABLES)[number];

/** Rows, features and classes of each shipped table, so a config's cost is known before its data is loaded. */
export const BUILTIN_SHAPES: Readonly<
  Record<BuiltinTableName, { rows: number; features: number; classes: number }>
> = Object.freeze({
  iris: { rows: 150, features: 4, classes: 3 },
  wine: { rows: 178, features: 13, classes: 3 },
  breast_cancer: { rows: 569, features: 30, classes: 2 },
  digits: { rows: 1797, features: 64, classes: 10 },
  mnist: { rows: 70_000, features: 784, classes: 10 },
  fashion_mnist: { rows: 70_000, features: 784, classes: 10 },
});
