/**
 * datasets.preview: the first rows of a shipped table or of one of the project's uploads, with class names
 * for labels; for image sets also the image shape, so the page draws the rows as pictures.
 */
import { promisify } from "node:util";
import { gunzip } from "node:zlib";
import { type Dataset, imageShape, ZBuiltinDatasetSpec, ZUploadedDatasetSpec } from "@actlab/core";
import { decodeDatasetBlob, previewBuiltin } from "@actlab/datasets";
import { readProjectDatasetBlob } from "@actlab/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { projectProcedure } from "../trpc";

const gunzipAsync = promisify(gunzip);
export const PREVIEW_ROWS = 20;

export const ZPreviewInput = z.discriminatedUnion("kind", [
  ZBuiltinDatasetSpec,
  ZUploadedDatasetSpec.pick({ kind: true, hash: true }),
]);

function firstRows(ds: Dataset) {
  const rows = Math.min(PREVIEW_ROWS, ds.rows);
  return {
    featureNames: ds.featureNames,
    image: imageShape(ds.featureNames),
    rows: Array.from({ length: rows }, (_, r) => ({
      label: ds.classNames[ds.labels[r] as number] ?? String(ds.labels[r]),
      values: Array.from(ds.features.subarray(r * ds.numFeatures, (r + 1) * ds.numFeatures)),
    })),
  };
}

export const datasetsPreviewProcedure = projectProcedure("VIEWER")
  .input(ZPreviewInput)
  .query(async ({ ctx, input }) => {
    if (input.kind === "builtin") return firstRows(await previewBuiltin(input.name, PREVIEW_ROWS));
    const stored = await readProjectDatasetBlob(ctx.db, ctx.projectId, input.hash);
    if (!stored)
      throw new TRPCError({ code: "NOT_FOUND", message: `no upload ${input.hash.slice(0, 12)}… here` });
    const bytes = new Uint8Array(await gunzipAsync(stored.data));
    return firstRows(decodeDatasetBlob(bytes, stored.name));
  });
