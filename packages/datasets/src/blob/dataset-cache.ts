/**
 * Uploaded datasets on a worker: read from a local cache folder by hash, or fetched (from the database,
 * so no disk is shared between hosts), checked against the hash, then cached. A cached file is checked on
 * every read too: a damaged or tampered copy is fetched again instead of trained on.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { gunzip } from "node:zlib";
import type { Dataset } from "@actlab/core";
import { decodeDatasetBlob, sha256Hex } from "./dataset-blob";

const gunzipAsync = promisify(gunzip);

export type StoredBlob = { data: Uint8Array };

export type DatasetCache = {
  /** The dataset with this hash, named `name`; fails when the fetch finds nothing or bytes that do not match. */
  load(hash: string, name: string): Promise<Dataset>;
};

export function createDatasetCache(options: {
  dir: string;
  /** The compressed bytes, or null when there is no such dataset (for this run's project). */
  fetchCompressed: (hash: string) => Promise<StoredBlob | null>;
}): DatasetCache {
  const file = (hash: string) => path.join(options.dir, `${hash}.dataset`);

  async function readCached(hash: string): Promise<Uint8Array | null> {
    const bytes = await fs.readFile(file(hash)).catch(() => null);
    if (!bytes) return null;
    if (sha256Hex(bytes) === hash) return bytes;
    await fs.rm(file(hash), { force: true });
    return null;
  }

  async function fetchAndCache(hash: string): Promise<Uint8Array> {
    const stored = await options.fetchCompressed(hash);
    if (!stored) throw new Error(`the uploaded dataset ${hash.slice(0, 12)}… is not in this run's project`);
    const bytes = new Uint8Array(await gunzipAsync(stored.data));
    if (sha256Hex(bytes) !== hash)
      throw new Error(
        `the uploaded dataset ${hash.slice(0, 12)}… arrived damaged (its SHA-256 does not match)`,
      );
    await fs.mkdir(options.dir, { recursive: true, mode: 0o700 });
    // Written aside, then renamed: two workers filling the cache at once never read half a file.
    const partial = `${file(hash)}.${randomUUID()}.partial`;
    await fs.writeFile(partial, bytes, { mode: 0o600 });
    await fs.rename(partial, file(hash));
    return bytes;
  }

  return {
    async load(hash, name) {
      const bytes = (await readCached(hash)) ?? (await fetchAndCache(hash));
      return decodeDatasetBlob(bytes, name);
    },
  };
}
