import type { TrainConfigInput } from "@actlab/core";
import { appendMetrics, finishRun } from "@actlab/db";
import { beforeAll, describe, expect, it } from "vitest";
import { type TestApi, testApiForSuite } from "../test-api";

describe("runs.table and runs.columns", () => {
  const api = testApiForSuite();
  const ids: string[] = [];
  // lr and activation vary; the final val/acc rises with the index, the val/loss minimum falls.
  const runs = [
    { activation: "relu", lr: 0.1 },
    { activation: "swish", lr: 0.01 },
    { activation: "tanh", lr: 0.01 },
    { activation: "swish", lr: 0.05 },
  ] as const;

  beforeAll(async () => {
    for (const [i, r] of runs.entries()) {
      const config: TrainConfigInput = {
        dataset: { kind: "generated", name: "moons" },
        hiddenLayers: [16, 16],
        activation: r.activation,
        lr: r.lr,
        seed: i,
      };
      const { id } = await api.caller().runs.create({ config });
      ids.push(id);
      await appendMetrics(api.db, id, [
        { key: "val/acc", step: 10, value: 0.5 + i * 0.1, wallMs: 0 },
        { key: "val/loss", step: 10, value: 1 - i * 0.2, wallMs: 0 },
        { key: "val/loss", step: 20, value: 1.5, wallMs: 0 },
      ]);
      if (i < 3) await finishRun(api.db, id, { status: "COMPLETED" });
    }
  });

  const table = (input: Parameters<ReturnType<TestApi["caller"]>["runs"]["table"]>[0]) =>
    api.caller().runs.table(input);
  const order = (rows: { id: string }[]) => rows.map((r) => ids.indexOf(r.id));

  it("filters by an expression, sorts by a metric summary and returns the asked columns", async () => {
    const out = await table({
      filter: "activation in (swish, tanh) and lr <= 0.01 or seed = 0",
      sort: { by: "val/acc", dir: "desc" },
      columns: ["lr", "hiddenLayers", "min(val/loss)", "best(val/loss)", "val/loss"],
    });
    expect(out.total).toBe(3);
    expect(order(out.rows)).toEqual([2, 1, 0]);
    expect(out.rows[0]).toMatchObject({
      activation: "tanh",
      dataset: "moons",
      status: "COMPLETED",
      values: [0.01, "16-16", 0.6, 0.6, 1.5],
      steps: [null, null, 10, 10, 20],
    });
    expect(out.rows[2]?.status).toBe("COMPLETED");
    expect(out.rows[2]?.createdAt).toBeInstanceOf(Date);
  });

  it("pages over the sorted runs and reports the total of all matches", async () => {
    const first = await table({ sort: { by: "seed", dir: "asc" }, offset: 0, limit: 3 });
    const second = await table({ sort: { by: "seed", dir: "asc" }, offset: 3, limit: 3 });
    expect([first.total, second.total]).toEqual([4, 4]);
    expect([...order(first.rows), ...order(second.rows)]).toEqual([0, 1, 2, 3]);
  });

  it("matches a status written in lower case and a layer shape written as a number", async () => {
    expect((await table({ filter: "status = queued" })).rows.map((r) => r.id)).toEqual([ids[3]]);
    expect((await table({ filter: "hiddenLayers = 16-16" })).total).toBe(4);
    expect((await table({ filter: "seed != 1 and not seed in (2, 3)" })).total).toBe(1);
  });

  it("refuses a malformed filter with the column of the mistake", async () => {
    await expect(table({ filter: "activation = relu and val/acc >" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "expected a value after '>', found the end at column 32",
    });
  });

  it("names an unknown param or metric instead of silently matching nothing", async () => {
    await expect(table({ filter: "lr > 0 and lrr > 0" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "unknown name 'lrr': not a run field or a param of any run in this project at column 12",
    });
    await expect(table({ filter: "max(val/f1) > 0" })).rejects.toMatchObject({
      message: "unknown name 'max(val/f1)': not a metric of any run in this project at column 1",
    });
  });

  it("refuses a bad sort or column and a page larger than 500", async () => {
    await expect(table({ sort: { by: "median(val/acc)", dir: "asc" } })).rejects.toMatchObject({
      message: expect.stringMatching(/^sort: unknown function 'median'/),
    });
    await expect(table({ columns: ["val/acc >"] })).rejects.toMatchObject({
      message: expect.stringMatching(/^column 'val\/acc >': unexpected '>'/),
    });
    await expect(table({ limit: 501 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { issues: [expect.objectContaining({ path: ["limit"], message: "limit is at most 500" })] },
    });
  });

  it("lists the project's param and metric keys for the column picker", async () => {
    const cols = await api.caller().runs.columns({});
    expect(cols.metrics).toEqual(["val/acc", "val/loss"]);
    expect(cols.params).toEqual(
      expect.arrayContaining(["lr", "activation", "hiddenLayers", "dataset.name", "seed"]),
    );
  });

  it("refuses a caller who is not signed in", async () => {
    await expect(api.caller(null).runs.table({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
