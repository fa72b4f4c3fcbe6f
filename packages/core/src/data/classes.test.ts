import { describe, expect, it } from "vitest";
import { ZDatasetSpec } from "../config";
import { classesOf } from "./classes";

describe("classesOf", () => {
  it("knows the shipped tables' and the generators' class counts, and not an upload's", () => {
    expect(classesOf(ZDatasetSpec.parse({ kind: "builtin", name: "iris" }))).toBe(3);
    expect(classesOf(ZDatasetSpec.parse({ kind: "generated", name: "moons", classes: 5 }))).toBe(2);
    expect(classesOf(ZDatasetSpec.parse({ kind: "generated", name: "spirals", classes: 4 }))).toBe(4);
    expect(classesOf(ZDatasetSpec.parse({ kind: "uploaded", hash: "a".repeat(64) }))).toBeNull();
  });
});
