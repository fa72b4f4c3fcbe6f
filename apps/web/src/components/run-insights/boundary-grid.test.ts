import { describe, expect, it } from "vitest";
import { dataBounds, gridPoints, predictGrid, probabilitiesToImage } from "./boundary-grid";
import { trainTinyModel } from "./tiny-model";

describe("decision boundary grid", () => {
  it("boxes the data in a square with a margin", () => {
    const b = dataBounds(Float32Array.from([0, 0, 4, 1]), 2, 0.25);
    expect(b).toEqual({ x0: -1, x1: 5, y0: -2.5, y1: 3.5 });
  });

  it("lays cell centres out from the top-left, row by row", () => {
    const pts = gridPoints({ x0: 0, x1: 2, y0: 0, y1: 2 }, 2);
    expect(Array.from(pts)).toEqual([0.5, 1.5, 1.5, 1.5, 0.5, 0.5, 1.5, 0.5]);
  });

  it("paints a certain cell in its class colour and a tied cell as a pale mix", () => {
    const palette = [
      [200, 0, 0],
      [0, 0, 100],
    ] as const;
    const px = probabilitiesToImage(Float32Array.from([1, 0, 0.5, 0.5]), 2, 2, palette, 0.5);
    expect(Array.from(px.subarray(0, 4))).toEqual([200, 0, 0, 128]);
    expect(Array.from(px.subarray(4, 8))).toEqual([100, 0, 50, 26]);
  });

  it("predicts every cell as the model does one point at a time, and times only the model", () => {
    const { model, data } = trainTinyModel();
    const b = dataBounds(data.features, data.rows);
    const clock = [10, 17.5];
    const grid = predictGrid(model, b, 12, () => clock.shift() as number);
    expect(grid.ms).toBe(7.5);
    expect(grid.probs.length).toBe(12 * 12 * 2);
    const pts = gridPoints(b, 12);
    for (const cell of [0, 5, 77, 143]) {
      const one = model.predict(pts.subarray(2 * cell, 2 * cell + 2), 1);
      expect(grid.probs[2 * cell]).toBeCloseTo(one[0] as number, 6);
      expect((grid.probs[2 * cell] as number) + (grid.probs[2 * cell + 1] as number)).toBeCloseTo(1, 6);
    }
  });
});
