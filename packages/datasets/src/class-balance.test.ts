import { describe, expect, it } from "vitest";
import { builtinClassBalance } from "./class-balance";
import { loadDataset } from "./load-dataset";

describe("builtinClassBalance", () => {
  it("counts a shipped table's rows per class", async () => {
    const iris = await builtinClassBalance("iris");
    expect(iris.counts).toEqual([50, 50, 50]);
    expect(iris.names).toHaveLength(3);
  });

  it("counts MNIST's 70,000 labels from its label files alone, as the loaded set has them", async () => {
    const balance = await builtinClassBalance("mnist");
    expect(balance.names).toEqual(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]);
    expect(balance.counts.reduce((a, b) => a + b, 0)).toBe(70_000);
    const mnist = await loadDataset({ kind: "builtin", name: "mnist" });
    const loaded = balance.names.map(() => 0);
    for (const y of mnist.labels) loaded[y] = (loaded[y] ?? 0) + 1;
    expect(balance.counts).toEqual(loaded);
  }, 60_000);
});
