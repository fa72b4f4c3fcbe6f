import { describe, expect, it } from "vitest";
import { ZGeneratedDatasetSpec } from "../config";
import { generateDataset } from "./generate";
import { GENERATED_DATASETS } from "./names";
import type { Dataset } from "./types";

const spec = (input: object) => ZGeneratedDatasetSpec.parse({ kind: "generated", ...input });

const classCounts = (ds: Dataset) => {
  const counts = new Array<number>(ds.numClasses).fill(0);
  for (const y of ds.labels) counts[y] = (counts[y] ?? 0) + 1;
  return counts;
};

const point = (ds: Dataset, i: number): [number, number] => [
  ds.features[2 * i] as number,
  ds.features[2 * i + 1] as number,
];

describe.each(GENERATED_DATASETS)("generateDataset(%s)", (name) => {
  it("has the requested shape and feature names", () => {
    const ds = generateDataset(spec({ name, samples: 301 }));
    expect(ds.rows).toBe(301);
    expect(ds.features).toHaveLength(602);
    expect(ds.labels).toHaveLength(301);
    expect(ds.featureNames).toEqual(["x1", "x2"]);
    expect(ds.classNames).toHaveLength(ds.numClasses);
    expect(ds.features.every(Number.isFinite)).toBe(true);
  });

  it("is identical for the same seed", () => {
    const a = generateDataset(spec({ name, seed: 7 }));
    const b = generateDataset(spec({ name, seed: 7 }));
    expect(b.features).toEqual(a.features);
    expect(b.labels).toEqual(a.labels);
    expect(b.hash).toBe(a.hash);
  });

  it("differs for different seeds", () => {
    const a = generateDataset(spec({ name, seed: 7 }));
    const b = generateDataset(spec({ name, seed: 8 }));
    expect(b.hash).not.toBe(a.hash);
    expect(b.features).not.toEqual(a.features);
  });

  it("balances the classes to within one row", () => {
    const counts = classCounts(generateDataset(spec({ name, samples: 601, classes: 3 })));
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(601);
  });

  it("does not list the rows grouped by class", () => {
    const ds = generateDataset(spec({ name, samples: 200 }));
    const firstHalf = ds.labels.subarray(0, 100);
    expect(new Set(firstHalf).size).toBe(ds.numClasses);
  });
});

describe("generateDataset class counts", () => {
  it("gives spirals and gaussians the requested number of classes", () => {
    expect(generateDataset(spec({ name: "spirals", classes: 5 })).numClasses).toBe(5);
    expect(generateDataset(spec({ name: "gaussians", classes: 4 })).numClasses).toBe(4);
  });

  it("keeps the two-class generators at two classes", () => {
    expect(generateDataset(spec({ name: "moons", classes: 5 })).numClasses).toBe(2);
    expect(generateDataset(spec({ name: "xor", classes: 3 })).numClasses).toBe(2);
  });
});

describe("generateDataset geometry at noise 0", () => {
  it("puts moon 0 on the unit circle's upper half and moon 1 on the circle around (1, 0.5)", () => {
    const ds = generateDataset(spec({ name: "moons", noise: 0, samples: 400 }));
    for (let i = 0; i < ds.rows; i++) {
      const [x, y] = point(ds, i);
      if (ds.labels[i] === 0) {
        expect(Math.hypot(x, y)).toBeCloseTo(1, 5);
        expect(y).toBeGreaterThanOrEqual(0);
      } else {
        expect(Math.hypot(x - 1, y - 0.5)).toBeCloseTo(1, 5);
        expect(y).toBeLessThanOrEqual(0.5 + 1e-6);
      }
    }
  });

  it("separates circles by radius 0.75", () => {
    const ds = generateDataset(spec({ name: "circles", noise: 0, samples: 400 }));
    for (let i = 0; i < ds.rows; i++) {
      const [x, y] = point(ds, i);
      expect(Math.hypot(x, y) > 0.75 ? 0 : 1).toBe(ds.labels[i]);
    }
  });

  it("labels xor by the sign of x1·x2", () => {
    const ds = generateDataset(spec({ name: "xor", noise: 0, samples: 400 }));
    for (let i = 0; i < ds.rows; i++) {
      const [x, y] = point(ds, i);
      expect(x * y >= 0 ? 0 : 1).toBe(ds.labels[i]);
    }
  });

  it("labels checkerboard cells by parity", () => {
    const ds = generateDataset(spec({ name: "checkerboard", noise: 0, samples: 400 }));
    for (let i = 0; i < ds.rows; i++) {
      const [x, y] = point(ds, i);
      const parity = (Math.floor((x + 1) / 0.5) + Math.floor((y + 1) / 0.5)) % 2;
      expect(parity).toBe(ds.labels[i]);
    }
  });

  it("adds jitter when noise is raised", () => {
    const ds = generateDataset(spec({ name: "circles", noise: 0.2, samples: 400 }));
    const radii = Array.from({ length: ds.rows }, (_, i) => Math.hypot(...point(ds, i)));
    expect(radii.some((r) => Math.abs(r - 1) > 0.05 && Math.abs(r - 0.5) > 0.05)).toBe(true);
  });
});
