/** datasets.preview: a table's and an upload's first rows with class names; image sets as pictures; uploads only from their own project. */
import { parseCsvText, toStoredDataset } from "@actlab/datasets";
import { storeDatasetVersion } from "@actlab/db";
import { beforeAll, describe, expect, it } from "vitest";
import { testApiForSuite } from "../test-api";
import { PREVIEW_ROWS } from "./preview";

const api = testApiForSuite();
let hash = "";
let outsider = { userId: "", projectId: "" };

beforeAll(async () => {
  const text = `x1,x2,kind\n${Array.from({ length: 40 }, (_, i) => `${i},${i % 5},${i % 2 ? "odd" : "even"}\n`).join("")}`;
  const dataset = parseCsvText(text, { name: "parity", labelColumn: "kind" });
  const stored = await toStoredDataset(dataset);
  hash = stored.hash;
  await storeDatasetVersion(api.db, {
    projectId: api.projectId,
    name: "parity",
    hash,
    blob: stored.compressed,
    blobSize: stored.size,
    rows: dataset.rows,
    features: dataset.numFeatures,
    classes: dataset.numClasses,
    labelColumn: "kind",
    featureNames: dataset.featureNames,
    classNames: dataset.classNames,
    classCounts: stored.classCounts,
    fileName: "parity.csv",
    fileBytes: text.length,
    createdById: api.userId,
  });
  outsider.userId = await api.addUser("Stranger");
  outsider = { ...outsider, projectId: (await api.addWorkspace(outsider.userId, "elsewhere")).projectId };
}, 60_000);

describe("datasets.preview", () => {
  it("shows an upload's first rows as stored, labels by class name", async () => {
    const p = await api.caller().datasets.preview({ kind: "uploaded", hash });
    expect(p.featureNames).toEqual(["x1", "x2"]);
    expect(p.image).toBeNull();
    expect(p.rows).toHaveLength(PREVIEW_ROWS);
    expect(p.rows.slice(0, 3)).toEqual([
      { label: "even", values: [0, 0] },
      { label: "odd", values: [1, 1] },
      { label: "even", values: [2, 2] },
    ]);
  });

  it("does not show another project's upload", async () => {
    await expect(
      api.caller(outsider.userId).datasets.preview({ kind: "uploaded", hash, projectId: outsider.projectId }),
    ).rejects.toThrow(/no upload/);
  });

  it("shows a shipped table's first rows", async () => {
    const p = await api.caller().datasets.preview({ kind: "builtin", name: "iris" });
    expect(p.featureNames).toHaveLength(4);
    expect(p.rows).toHaveLength(PREVIEW_ROWS);
    expect(p.rows[0]?.values).toEqual([5.1, 3.5, 1.4, 0.2].map(Math.fround));
  });

  it("gives an image set's shape and its first training images", async () => {
    const p = await api.caller().datasets.preview({ kind: "builtin", name: "mnist" });
    expect(p.image).toEqual({ width: 28, height: 28 });
    // The first MNIST training digits are 5, 0, 4, 1.
    expect(p.rows.slice(0, 4).map((r) => r.label)).toEqual(["5", "0", "4", "1"]);
    expect(p.rows[0]?.values).toHaveLength(784);
    expect(Math.max(...(p.rows[0]?.values ?? []))).toBe(1);
  });
});
