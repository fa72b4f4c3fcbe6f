/** loadDataset: any DatasetSpec → a Dataset. Builtins are parsed once per process and served from memory. */
import {
  type Dataset,
  type DatasetSpec,
  generateDataset,
  ZDatasetSpec,
  type ZUploadedDatasetSpec,
} from "@actlab/core";
import type { z } from "zod";
import { loadBuiltin } from "./load-builtin";
import type { SourcePaths } from "./sources";

export type LoadDatasetOptions = {
  /** Loads an upload by its hash (the worker: from its cache or the database, checked). */
  loadUploaded?: (spec: z.output<typeof ZUploadedDatasetSpec>) => Promise<Dataset>;
  /** Where to look for MNIST / Fashion-MNIST instead of the defaults. */
  paths?: SourcePaths;
};

// Promises, not results, so concurrent callers share one read of a 200 MB table.
const builtinCache = new Map<string, Promise<Dataset>>();

export async function loadDataset(
  input: z.input<typeof ZDatasetSpec> | DatasetSpec,
  options: LoadDatasetOptions = {},
): Promise<Dataset> {
  const spec = ZDatasetSpec.parse(input);
  switch (spec.kind) {
    case "generated":
      return generateDataset(spec);
    case "uploaded": {
      if (!options.loadUploaded)
        throw new Error(`dataset ${spec.hash} is an upload, but no loadUploaded was given`);
      return options.loadUploaded(spec);
    }
    case "builtin": {
      const key = `${spec.name}\0${options.paths?.mnistDir ?? ""}\0${options.paths?.fashionMnistDir ?? ""}`;
      let cached = builtinCache.get(key);
      if (!cached) {
        cached = loadBuiltin(spec.name, options.paths);
        builtinCache.set(key, cached);
        cached.catch(() => builtinCache.delete(key)); // a missing source may be installed later
      }
      return cached;
    }
  }
}
