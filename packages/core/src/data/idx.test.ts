import { describe, expect, it } from "vitest";
import { datasetFromIdx, encodeIdx, parseIdx } from "./idx";

const idx = (dims: number[], data: number[]) => encodeIdx(dims, Uint8Array.from(data));

describe("encodeIdx", () => {
  it("writes the ubyte magic, the rank and big-endian dims, then the parts in order", () => {
    const bytes = encodeIdx([3], Uint8Array.of(7), Uint8Array.of(8, 9));
    expect(Array.from(bytes)).toEqual([0, 0, 0x08, 1, 0, 0, 0, 3, 7, 8, 9]);
  });
});

describe("parseIdx", () => {
  it("reads dims and data", () => {
    const parsed = parseIdx(idx([2, 3], [1, 2, 3, 4, 5, 6]));
    expect(parsed.dims).toEqual([2, 3]);
    expect(Array.from(parsed.data)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("rejects a gzipped or foreign file", () => {
    expect(() => parseIdx(Uint8Array.of(0x1f, 0x8b, 8, 0, 0, 0))).toThrow(/bad magic/);
  });

  it("rejects a truncated body", () => {
    expect(() => parseIdx(idx([2, 3], [1, 2, 3]))).toThrow(/3 data bytes, expected 6/);
  });

  it("rejects element types other than ubyte", () => {
    const f = idx([1], [0]);
    f[2] = 0x0d;
    expect(() => parseIdx(f)).toThrow(/not supported/);
  });
});

describe("datasetFromIdx", () => {
  it("scales pixels to [0, 1] and keeps labels", () => {
    const ds = datasetFromIdx(idx([2, 2, 2], [0, 255, 51, 102, 255, 0, 0, 0]), idx([2], [3, 1]), "tiny");
    expect(ds.rows).toBe(2);
    expect(ds.numFeatures).toBe(4);
    expect(ds.numClasses).toBe(4);
    expect(Array.from(ds.features.subarray(0, 4))).toEqual([0, 1, 0.2, 0.4].map(Math.fround));
    expect(Array.from(ds.labels)).toEqual([3, 1]);
    expect(ds.featureNames).toEqual(["px_0_0", "px_0_1", "px_1_0", "px_1_1"]);
  });

  it("rejects label and image counts that disagree", () => {
    expect(() => datasetFromIdx(idx([2, 1, 1], [0, 1]), idx([3], [0, 1, 0]), "bad")).toThrow(
      /3 labels for 2 images/,
    );
  });
});
