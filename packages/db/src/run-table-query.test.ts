import { ZTrainConfig } from "@actlab/core";
import { beforeAll, describe, expect, it } from "vitest";
import { rawSql } from "./client";
import { appendMetrics } from "./metrics";
import {
  compileRunFilter,
  type FieldRef,
  hasRunTableKey,
  listRunTableColumns,
  queryRunTable,
  type RunFilter,
  type RunTableQuery,
} from "./run-table-query";
import { createRun, finishRun } from "./runs";
import { testDbForSuite } from "./test-db";

const param = (key: string): FieldRef => ({ kind: "param", key });
const metric = (key: string, agg: "last" | "min" | "max" | "best" | "count" = "last"): FieldRef => ({
  kind: "metric",
  key,
  agg,
});
const byCreated: RunTableQuery["sort"] = { field: { kind: "run", field: "createdAt" }, dir: "asc" };

describe("runs table query", () => {
  const t = testDbForSuite();
  // Six runs: activation × lr, with val/acc and val/loss for all but the last (still queued).
  const specs = [
    { activation: "relu", lr: 0.1, acc: [0.6, 0.8], loss: [0.9, 0.5] },
    { activation: "relu", lr: 0.01, acc: [0.7, 0.95], loss: [0.7, 0.2] },
    { activation: "swish", lr: 0.1, acc: [0.5, 0.9], loss: [1.0, 0.3] },
    { activation: "tanh", lr: 0.001, acc: [0.4, 0.3], loss: [1.2, 1.4] },
    { activation: "swish", lr: 0.01, acc: [0.9, 0.85], loss: [0.25, 0.4] },
    { activation: "gelu", lr: 0.05, acc: null, loss: null },
  ] as const;
  const ids: string[] = [];

  beforeAll(async () => {
    for (const s of specs) {
      const config = ZTrainConfig.parse({
        dataset: { kind: "generated", name: "moons" },
        hiddenLayers: [8, 8],
        activation: s.activation,
        lr: s.lr,
      });
      const { id } = await createRun(t.db, { projectId: t.projectId, config });
      ids.push(id);
      if (!s.acc) continue;
      await appendMetrics(
        t.db,
        id,
        [0, 1].flatMap((i) => [
          { key: "val/acc", step: (i + 1) * 10, value: s.acc[i] as number, wallMs: 0 },
          { key: "val/loss", step: (i + 1) * 10, value: s.loss[i] as number, wallMs: 0 },
        ]),
      );
      await finishRun(t.db, id, { status: "COMPLETED" });
    }
  });

  const query = async (q: Partial<RunTableQuery>) =>
    await queryRunTable(t.db, t.projectId, { sort: byCreated, offset: 0, limit: 100, columns: [], ...q });
  const names = async (filter: RunFilter) => (await query({ filter })).rows.map((r) => ids.indexOf(r.id));

  it("filters on a param's text, a param's number and a metric summary together", async () => {
    const filter: RunFilter = {
      kind: "and",
      items: [
        { kind: "in", field: { kind: "run", field: "activation" }, values: ["relu", "swish"] },
        { kind: "compare", field: metric("val/acc"), op: ">", value: 0.82 },
        { kind: "compare", field: param("lr"), op: "<=", value: 0.01 },
      ],
    };
    expect(await names(filter)).toEqual([1, 4]);
  });

  it("treats a missing field as failing a comparison and passing its negation", async () => {
    const acc: RunFilter = { kind: "compare", field: metric("val/acc"), op: "<", value: 0.5 };
    expect(await names(acc)).toEqual([3]);
    expect(await names({ kind: "not", item: acc })).toEqual([0, 1, 2, 4, 5]);
  });

  it("matches status case-insensitively and combines or inside and", async () => {
    const filter: RunFilter = {
      kind: "and",
      items: [
        { kind: "compare", field: { kind: "run", field: "status" }, op: "=", value: "completed" },
        {
          kind: "or",
          items: [
            { kind: "compare", field: param("activation"), op: "=", value: "tanh" },
            { kind: "compare", field: metric("val/loss", "min"), op: "<", value: 0.21 },
          ],
        },
      ],
    };
    expect(await names(filter)).toEqual([1, 3]);
  });

  it("compares a number with a text param by its text, and with a numeric param by value", async () => {
    expect(await names({ kind: "compare", field: param("hiddenLayers"), op: "=", value: 8 })).toEqual([]);
    expect(await names({ kind: "compare", field: param("hiddenLayers"), op: "!=", value: 8 })).toHaveLength(
      6,
    );
    expect(
      await names({ kind: "compare", field: param("hiddenLayers"), op: "=", value: "8-8" }),
    ).toHaveLength(6);
    expect(await names({ kind: "in", field: param("lr"), values: [0.1, 0.05] })).toEqual([0, 2, 5]);
  });

  it("sorts by a metric summary with runs lacking it last, in both directions", async () => {
    const desc = (await query({ sort: { field: metric("val/acc", "max"), dir: "desc" } })).rows.map((r) =>
      ids.indexOf(r.id),
    );
    expect(desc).toEqual([1, 4, 2, 0, 3, 5]); // ties follow creation time in the same direction
    const asc = (await query({ sort: { field: metric("val/acc", "max"), dir: "asc" } })).rows.map((r) =>
      ids.indexOf(r.id),
    );
    expect(asc).toEqual([3, 0, 2, 4, 1, 5]);
  });

  it("sorts by a numeric param numerically", async () => {
    const rows = (await query({ sort: { field: param("lr"), dir: "asc" } })).rows;
    expect(rows.map((r) => ids.indexOf(r.id)).slice(0, 2)).toEqual([3, 1]);
  });

  it("pages with a total that counts every match, also past the end", async () => {
    const first = await query({ limit: 2, offset: 0 });
    expect(first.total).toBe(6);
    expect(first.rows.map((r) => r.id)).toEqual(ids.slice(0, 2));
    expect((await query({ limit: 2, offset: 4 })).rows.map((r) => r.id)).toEqual(ids.slice(4, 6));
    expect(await query({ limit: 2, offset: 50 })).toEqual({ total: 6, rows: [] });
  });

  it("returns requested columns with the step each metric figure happened at", async () => {
    const columns = [
      param("lr"),
      param("hiddenLayers"),
      metric("val/acc"),
      metric("val/loss", "best"),
      metric("val/acc", "count"),
    ];
    const row = (await query({ columns, limit: 1 })).rows[0];
    expect(row?.values).toEqual([0.1, "8-8", 0.8, 0.5, 2]);
    expect(row?.steps).toEqual([null, null, 20, 20, null]);
    const best = await query({
      columns: [metric("val/loss", "best"), metric("val/acc", "best")],
      offset: 4,
      limit: 1,
    });
    expect(best.rows[0]?.values).toEqual([0.25, 0.9]);
    expect(best.rows[0]?.steps).toEqual([10, 10]);
  });

  it("binds literal values, so quotes in a value cannot change the statement", async () => {
    const evil = `x'); DROP TABLE "Run"; --`;
    const compiled = compileRunFilter(
      { kind: "compare", field: param("activation"), op: "=", value: evil },
      t.db[rawSql].dialect,
    );
    expect(compiled.sql).not.toContain("DROP");
    expect(compiled.args).toContain(evil);
    expect(await names({ kind: "compare", field: param("activation"), op: "=", value: evil })).toEqual([]);
    expect((await query({})).total).toBe(6);
  });

  it("lists the project's param and metric keys and knows which exist", async () => {
    const cols = await listRunTableColumns(t.db, t.projectId);
    expect(cols.metrics).toEqual(["val/acc", "val/loss"]);
    expect(cols.params).toEqual(expect.arrayContaining(["lr", "hiddenLayers", "dataset.name", "activation"]));
    expect(await hasRunTableKey(t.db, t.projectId, param("lr"))).toBe(true);
    expect(await hasRunTableKey(t.db, t.projectId, param("lrr"))).toBe(false);
    expect(await hasRunTableKey(t.db, t.projectId, metric("val/acc"))).toBe(true);
    expect(await hasRunTableKey(t.db, t.projectId, metric("val/f1"))).toBe(false);
  });
});
