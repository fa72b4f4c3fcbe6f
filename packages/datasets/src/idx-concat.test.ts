import { encodeIdx, parseIdx } from "@actlab/core";
import { describe, expect, it } from "vitest";
import { concatIdx } from "./idx-concat";

const idx = (dims: number[], data: number[]) => encodeIdx(dims, Uint8Array.from(data));

describe("concatIdx", () => {
  it("stacks the second file's items after the first's", () => {
    const joined = parseIdx(concatIdx(idx([2, 2], [1, 2, 3, 4]), idx([1, 2], [5, 6])));
    expect(joined.dims).toEqual([3, 2]);
    expect(Array.from(joined.data)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("refuses files whose items differ in shape", () => {
    expect(() => concatIdx(idx([1, 2], [1, 2]), idx([1, 3], [1, 2, 3]))).toThrow(/cannot join 1×2 with 1×3/);
  });
});
