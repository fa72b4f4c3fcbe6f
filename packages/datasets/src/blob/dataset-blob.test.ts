import { generateDataset, ZGeneratedDatasetSpec } from "@actlab/core";
import { describe, expect, it } from "vitest";
import { DatasetBlobError, decodeDatasetBlob, encodeDatasetBlob, sha256Hex } from "./dataset-blob";

const moons = generateDataset(
  ZGeneratedDatasetSpec.parse({ kind: "generated", name: "moons", samples: 200, seed: 3 }),
);

describe("dataset blobs", () => {
  it("decode to the same features, labels and names, bit for bit", () => {
    const back = decodeDatasetBlob(encodeDatasetBlob(moons), "moons copy");
    expect(back.name).toBe("moons copy");
    expect(back.hash).toBe(moons.hash);
    expect(back.features).toEqual(moons.features);
    expect(back.labels).toEqual(moons.labels);
    expect(back.classNames).toEqual(moons.classNames);
    expect(back.featureNames).toEqual(moons.featureNames);
  });

  it("have one SHA-256 for one content, and another when a value changes", () => {
    const a = sha256Hex(encodeDatasetBlob(moons));
    expect(sha256Hex(encodeDatasetBlob({ ...moons }))).toBe(a);
    const changed = { ...moons, features: moons.features.slice() };
    changed.features[5] = (changed.features[5] as number) + 1;
    expect(sha256Hex(encodeDatasetBlob(changed))).not.toBe(a);
  });

  it("refuse cut, foreign or inconsistent bytes", () => {
    const blob = encodeDatasetBlob(moons);
    expect(() => decodeDatasetBlob(blob.subarray(0, blob.length - 4), "m")).toThrow(DatasetBlobError);
    expect(() => decodeDatasetBlob(new TextEncoder().encode("x,y\n1,2\n"), "m")).toThrow(
      /not a dataset file/,
    );
    const badLabel = blob.slice();
    new DataView(badLabel.buffer).setInt32(badLabel.length - 4, 7, true);
    expect(() => decodeDatasetBlob(badLabel, "m")).toThrow(/label 7/);
  });
});
