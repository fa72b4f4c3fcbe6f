import { describe, expect, it } from "vitest";
import { imageShape } from "./image-shape";

const grid = (prefix: string, h: number, w: number) =>
  Array.from({ length: h * w }, (_, i) => `${prefix}_${Math.floor(i / w)}_${i % w}`);

describe("imageShape", () => {
  it("reads the IDX reader's and the digits table's pixel names", () => {
    expect(imageShape(grid("px", 28, 28))).toEqual({ width: 28, height: 28 });
    expect(imageShape(grid("pixel", 8, 8))).toEqual({ width: 8, height: 8 });
  });

  it("is null for other tables and for names that do not fill their grid", () => {
    expect(imageShape(["sepal_length", "sepal_width"])).toBeNull();
    expect(imageShape(grid("px", 4, 4).slice(1))).toBeNull();
    expect(imageShape([...grid("px", 2, 2), "extra"])).toBeNull();
    expect(imageShape([])).toBeNull();
  });
});
