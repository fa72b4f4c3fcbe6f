import { describe, expect, it } from "vitest";
import { classCounts } from "./class-counts";

describe("classCounts", () => {
  it("counts each class, an absent one as zero", () => {
    expect(classCounts(Int32Array.from([2, 0, 2, 2]), 4)).toEqual([1, 0, 3, 0]);
    expect(classCounts([], 2)).toEqual([0, 0]);
  });
});
