import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { generateDataset, ZGeneratedDatasetSpec } from "@actlab/core";
import { afterEach, describe, expect, it } from "vitest";
import { encodeDatasetBlob, sha256Hex } from "./dataset-blob";
import { createDatasetCache } from "./dataset-cache";

const moons = generateDataset(
  ZGeneratedDatasetSpec.parse({ kind: "generated", name: "moons", samples: 100, seed: 1 }),
);
const blob = encodeDatasetBlob(moons);
const hash = sha256Hex(blob);
const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "actlab-cache-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function cacheWith(stored: Uint8Array | null, dir = tempDir()) {
  const fetched: string[] = [];
  const cache = createDatasetCache({
    dir,
    fetchCompressed: async (h) => {
      fetched.push(h);
      return stored ? { data: gzipSync(stored) } : null;
    },
  });
  return { cache, fetched, dir };
}

describe("the worker's dataset cache", () => {
  it("fetches a dataset it does not have, checks it and serves the next read from disk", async () => {
    const { cache, fetched, dir } = cacheWith(blob);
    const first = await cache.load(hash, "mine");
    const second = await cache.load(hash, "mine");
    expect(fetched).toEqual([hash]);
    expect(first.hash).toBe(moons.hash);
    expect(second.features).toEqual(moons.features);
    expect(fs.readdirSync(dir)).toEqual([`${hash}.dataset`]);
  });

  it("refuses bytes whose SHA-256 is not the one asked for, and caches nothing", async () => {
    const other = encodeDatasetBlob({ ...moons, labels: moons.labels.map((y) => 1 - y) });
    const { cache, dir } = cacheWith(other);
    await expect(cache.load(hash, "mine")).rejects.toThrow(/arrived damaged/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it("says so when the project has no such dataset", async () => {
    const { cache } = cacheWith(null);
    await expect(cache.load(hash, "mine")).rejects.toThrow(/not in this run's project/);
  });

  it("fetches again when the cached copy was damaged on disk", async () => {
    const { cache, fetched, dir } = cacheWith(blob);
    await cache.load(hash, "mine");
    fs.writeFileSync(path.join(dir, `${hash}.dataset`), "garbage");
    const again = await cache.load(hash, "mine");
    expect(again.hash).toBe(moons.hash);
    expect(fetched).toEqual([hash, hash]);
  });
});
