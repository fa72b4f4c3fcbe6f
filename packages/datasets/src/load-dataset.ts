/** loadDataset: any DatasetSpec → a Dataset. Builtins are parsed once per process and served from memory. */
import { type Dataset, type DatasetSpec, generateDataset, parseCsvDataset, ZDatasetSpec } from "@actlab/core";
import type { z } from "zod";
import { loadBuiltin } from "./load-builtin";
import type { SourcePaths } from "./sources";

export type LoadDatasetOptions = {
  /** Returns an uploaded dataset's CSV text by id (the app reads it from its store). */
  readUploaded?: (datasetId: string) => Promise<string>;
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
      if (!options.readUploaded)
        throw new Error(`dataset ${spec.datasetId} is an upload, but no readUploaded was given`);
      return parseCsvDataset(await options.readUploaded(spec.datasetId), { name: spec.datasetId });
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
