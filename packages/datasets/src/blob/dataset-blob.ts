/**
 * A dataset as bytes, the form an upload is stored, sent to workers and cached in: a magic line, a JSON
 * header (shape and names), then the Float32 features and Int32 labels, little-endian. Its SHA-256 is the
 * dataset's identity: equal bytes are one dataset, and a worker that fetched them checks they arrived whole.
 * Decoding validates everything, since the bytes come back from a database or another host.
 */
import { createHash } from "node:crypto";
import { type Dataset, makeDataset } from "@actlab/core";
import { z } from "zod";

const MAGIC = new TextEncoder().encode("ACTLAB-DATASET 1\n");
const ZHeader = z.object({
  rows: z.number().int().positive(),
  numFeatures: z.number().int().positive(),
  numClasses: z.number().int().min(2),
  featureNames: z.array(z.string()),
  classNames: z.array(z.string()),
});

export class DatasetBlobError extends Error {
  override name = "DatasetBlobError";
}

export const sha256Hex = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

const padTo4 = (n: number) => (n + 3) & ~3;

export function encodeDatasetBlob(ds: Dataset): Uint8Array {
  const header = new TextEncoder().encode(
    JSON.stringify({
      rows: ds.rows,
      numFeatures: ds.numFeatures,
      numClasses: ds.numClasses,
      featureNames: ds.featureNames,
      classNames: ds.classNames,
    }),
  );
  const dataStart = padTo4(MAGIC.length + 4 + header.length);
  const out = new Uint8Array(dataStart + ds.features.byteLength + ds.labels.byteLength);
  const view = new DataView(out.buffer);
  out.set(MAGIC, 0);
  view.setUint32(MAGIC.length, header.length, true);
  out.set(header, MAGIC.length + 4);
  for (let i = 0; i < ds.features.length; i++)
    view.setFloat32(dataStart + 4 * i, ds.features[i] as number, true);
  const labelStart = dataStart + ds.features.byteLength;
  for (let i = 0; i < ds.labels.length; i++) view.setInt32(labelStart + 4 * i, ds.labels[i] as number, true);
  return out;
}

export function decodeDatasetBlob(bytes: Uint8Array, name: string): Dataset {
  const fail = (why: string): never => {
    throw new DatasetBlobError(`dataset ${name}: ${why}`);
  };
  if (bytes.length < MAGIC.length + 4 || MAGIC.some((b, i) => bytes[i] !== b)) fail("not a dataset file");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(MAGIC.length, true);
  const dataStart = padTo4(MAGIC.length + 4 + headerLength);
  if (dataStart > bytes.length) fail("the header runs past the end");
  let header: z.infer<typeof ZHeader>;
  try {
    header = ZHeader.parse(
      JSON.parse(new TextDecoder().decode(bytes.subarray(MAGIC.length + 4, MAGIC.length + 4 + headerLength))),
    );
  } catch {
    return fail("the header is damaged");
  }
  const { rows, numFeatures } = header;
  if (bytes.length !== dataStart + 4 * rows * numFeatures + 4 * rows)
    fail("its length does not match its shape");
  const features = new Float32Array(rows * numFeatures);
  for (let i = 0; i < features.length; i++) features[i] = view.getFloat32(dataStart + 4 * i, true);
  const labelStart = dataStart + 4 * features.length;
  const labels = new Int32Array(rows);
  for (let i = 0; i < rows; i++) labels[i] = view.getInt32(labelStart + 4 * i, true);
  try {
    return makeDataset({ name, ...header, features, labels });
  } catch (e) {
    return fail((e as Error).message);
  }
}
