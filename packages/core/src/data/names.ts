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
