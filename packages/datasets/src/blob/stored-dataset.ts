/** An upload in the form the database keeps: its bytes compressed, its hash, and its class balance. */
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import { classCounts, type Dataset } from "@actlab/core";
import { encodeDatasetBlob, sha256Hex } from "./dataset-blob";

const gzipAsync = promisify(gzip);

export type StoredDataset = {
  hash: string;
  compressed: Uint8Array<ArrayBuffer>;
  size: number;
  classCounts: number[];
};

export async function toStoredDataset(ds: Dataset): Promise<StoredDataset> {
  const bytes = encodeDatasetBlob(ds);
  // zlib runs on libuv's thread pool: compressing a large table does not hold up the web process.
  const compressed = new Uint8Array(await gzipAsync(bytes));
  return {
    hash: sha256Hex(bytes),
    compressed,
    size: bytes.length,
    classCounts: classCounts(ds.labels, ds.numClasses),
  };
}
