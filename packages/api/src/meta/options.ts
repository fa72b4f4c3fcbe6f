/** What the launch form offers: activations with their metadata, datasets, optimisers, limits and defaults. */
import {
  activationInfo,
  BUILTIN_TABLES,
  GENERATED_DATASETS,
  HIDDEN_ACTIVATIONS,
  INIT_SCHEMES,
  LIMITS,
  OPTIMIZERS,
} from "@actlab/core";
import { publicProcedure } from "../trpc";

export const optionsProcedure = publicProcedure.query(() => ({
  activations: HIDDEN_ACTIVATIONS.map((name) => ({ name, ...activationInfo(name).meta })),
  generatedDatasets: [...GENERATED_DATASETS],
  builtinDatasets: [...BUILTIN_TABLES],
  optimizers: [...OPTIMIZERS],
  initSchemes: [...INIT_SCHEMES],
  limits: { ...LIMITS },
}));
