import { queryMetricSeries } from "@actlab/db";
import { beforeAll, describe, expect, it } from "vitest";
import { trackingServerForSuite, workspaceOwnerForSuite } from "./test-server";

const s = trackingServerForSuite();
const u = workspaceOwnerForSuite(s, "Ada", "Lab");
const call = (path: string, body: Record<string, unknown> = {}, method?: "GET" | "POST") =>
  s.call(path, body, { token: u.token, method });

async function newRun(name: string): Promise<string> {
  const r = await call("runs/create", {
    experiment_id: "0",
    run_name: name,
    start_time: "1701000000000",
    user_id: "ada",
  });
  expect(r.status).toBe(200);
  return (r.body.run as { info: { run_id: string } }).info.run_id;
}

describe("MLflow runs over HTTP", () => {
  it("creates an external run named by run_name and the mlflow.runName tag, readable with run_uuid", async () => {
    const id = await newRun("first");
    const got = await call("runs/get", { run_uuid: id });
    const run = got.body.run as {
      info: Record<string, unknown>;
      data: { tags: { key: string; value: string }[] };
    };
    expect(run.info).toMatchObject({
      run_id: id,
      run_name: "first",
      status: "RUNNING",
      user_id: "ada",
      start_time: 1701000000000,
      experiment_id: "0",
      lifecycle_stage: "active",
    });
    expect(run.info.artifact_uri).toBe(`mlflow-artifacts:/0/${id}/artifacts`);
    expect(run.data.tags).toContainEqual({ key: "mlflow.runName", value: "first" });
  });

  it("logs metrics through the trainer's idempotent path: strings, NaN, omitted step, replay", async () => {
    const id = await newRun("metrics");
    expect(
      (await call("runs/log-metric", { run_id: id, key: "loss", value: "0.5", timestamp: "1701000000001" }))
        .status,
    ).toBe(200);
    await call("runs/log-metric", {
      run_id: id,
      key: "loss",
      value: 0.25,
      timestamp: 1701000000002,
      step: 1,
    });
    await call("runs/log-metric", { run_id: id, key: "loss", value: 0.9, timestamp: 1701000000003, step: 1 }); // replayed step: kept as first written
    await call("runs/log-metric", {
      run_id: id,
      key: "bad",
      value: "NaN",
      timestamp: 1701000000004,
      step: 0,
    });
    await call("runs/log-metric", { run_id: id, key: "big", value: "Infinity", timestamp: 1701000000004 });
    const [loss] = await queryMetricSeries(s.db, id, ["loss"]);
    expect(loss).toMatchObject({ steps: [0, 1], values: [0.5, 0.25] });
    const hist = await call("metrics/get-history", { run_id: id, metric_key: "bad" });
    expect(hist.body.metrics).toEqual([{ key: "bad", value: "NaN", timestamp: 1701000000004, step: 0 }]);
    const run = (await call("runs/get", { run_id: id })).body.run as {
      data: { metrics: { key: string; value: unknown; step: number }[] };
    };
    expect(run.data.metrics.find((m) => m.key === "loss")).toMatchObject({ value: 0.25, step: 1 });
    const bad = await call("runs/log-metric", { run_id: id, key: "loss", value: "abc" });
    expect(bad).toMatchObject({ status: 400, body: { error_code: "INVALID_PARAMETER_VALUE" } });
  });

  it("pages metric history in step order", async () => {
    const id = await newRun("history");
    const metrics = Array.from({ length: 25 }, (_, i) => ({
      key: "acc",
      value: i / 25,
      timestamp: 1701000000000 + i,
      step: i,
    }));
    expect((await call("runs/log-batch", { run_id: id, metrics })).status).toBe(200);
    const steps: number[] = [];
    let token: unknown;
    do {
      const page = await call("metrics/get-history", {
        run_id: id,
        metric_key: "acc",
        max_results: 10,
        ...(token ? { page_token: token } : {}),
      });
      steps.push(...(page.body.metrics as { step: number }[]).map((m) => m.step));
      token = page.body.next_page_token;
    } while (token);
    expect(steps).toEqual(Array.from({ length: 25 }, (_, i) => i));
    const bulk = await call("metrics/get-history-bulk-interval", {
      run_ids: [id],
      metric_key: "acc",
      max_results: 5,
    });
    const points = bulk.body.metrics as { step: number; run_id: string }[];
    expect(points.map((p) => p.step)).toEqual([0, 6, 12, 18, 24]);
    expect(points.every((p) => p.run_id === id)).toBe(true);
  });

  it("keeps params write-once: same value again is fine, another value is a 400", async () => {
    const id = await newRun("params");
    expect((await call("runs/log-parameter", { run_id: id, key: "lr", value: "0.01" })).status).toBe(200);
    expect((await call("runs/log-parameter", { run_id: id, key: "lr", value: "0.01" })).status).toBe(200);
    const clash = await call("runs/log-parameter", { run_id: id, key: "lr", value: "0.02" });
    expect(clash).toMatchObject({ status: 400, body: { error_code: "INVALID_PARAMETER_VALUE" } });
    expect(clash.body.message).toContain("Changing param values is not allowed");
  });

  it("sets and deletes tags; deleting a missing tag is a 404", async () => {
    const id = await newRun("tags");
    await call("runs/set-tag", { run_id: id, key: "mlflow.runName", value: "renamed" });
    await call("runs/set-tag", { run_id: id, key: "owner", value: "ada" });
    expect((await call("runs/delete-tag", { run_id: id, key: "owner" })).status).toBe(200);
    expect((await call("runs/delete-tag", { run_id: id, key: "owner" })).status).toBe(404);
    const run = (await call("runs/get", { run_id: id })).body.run as { info: { run_name: string } };
    expect(run.info.run_name).toBe("renamed");
  });

  it("updates status and end time, and deleted runs refuse writes until restored", async () => {
    const id = await newRun("lifecycle");
    const upd = await call("runs/update", { run_id: id, status: "FINISHED", end_time: 1701000009999 });
    expect(upd.body.run_info).toMatchObject({ status: "FINISHED", end_time: 1701000009999 });
    await call("runs/delete", { run_id: id });
    const refused = await call("runs/log-metric", { run_id: id, key: "x", value: 1 });
    expect(refused).toMatchObject({ status: 400, body: { error_code: "INVALID_PARAMETER_VALUE" } });
    await call("runs/restore", { run_id: id });
    expect((await call("runs/log-metric", { run_id: id, key: "x", value: 1 })).status).toBe(200);
    expect((await call("runs/get", { run_id: "no-such-run" })).status).toBe(404);
  });

  it("refuses log-batch over MLflow's limits with a 400 that says why", async () => {
    const id = await newRun("limits");
    const metric = { key: "m", value: 1, timestamp: 1, step: 0 };
    const tooMany = await call("runs/log-batch", {
      run_id: id,
      metrics: Array.from({ length: 1001 }, () => metric),
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.message).toContain("at most 1000 metrics");
    const params = await call("runs/log-batch", {
      run_id: id,
      params: Array.from({ length: 101 }, (_, i) => ({ key: `p${i}`, value: "v" })),
    });
    expect(params.body.message).toContain("at most 100 params");
    const total = await call("runs/log-batch", {
      run_id: id,
      metrics: Array.from({ length: 950 }, () => metric),
      tags: Array.from({ length: 60 }, (_, i) => ({ key: `t${i}`, value: "v" })),
    });
    expect(total.body.message).toContain("in total");
    const huge = await call("runs/log-batch", {
      run_id: id,
      tags: [{ key: "big", value: "x".repeat(1_100_000) }],
    });
    expect(huge).toMatchObject({ status: 400, body: { error_code: "INVALID_PARAMETER_VALUE" } });
  });

  it("records declared dataset inputs", async () => {
    const id = await newRun("inputs");
    const dataset = { name: "mnist", digest: "abc123", source_type: "local", source: "/data/mnist" };
    expect((await call("runs/log-inputs", { run_id: id, datasets: [{ tags: [], dataset }] })).status).toBe(
      200,
    );
    const run = (await call("runs/get", { run_id: id })).body.run as {
      inputs: { dataset_inputs: { dataset: object }[] };
    };
    expect(run.inputs.dataset_inputs[0]?.dataset).toMatchObject(dataset);
  });
});

describe("runs/search filter grammar", () => {
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    for (const [name, act, acc] of [
      ["r-relu", "relu", 0.9],
      ["r-tanh", "tanh", 0.7],
      ["r-swish", "swish", 0.8],
    ] as const) {
      ids[name] = await newRun(name);
      await call("runs/log-batch", {
        run_id: ids[name],
        params: [{ key: "activation", value: act }],
        metrics: [{ key: "val/acc", value: acc, timestamp: 1, step: 0 }],
        tags: [{ key: "suite", value: "grammar" }],
      });
    }
  });
  const names = async (filter: string, extra: Record<string, unknown> = {}) => {
    const r = await call("runs/search", {
      experiment_ids: ["0"],
      filter: `tags.suite = 'grammar' AND ${filter}`,
      ...extra,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return ((r.body.runs ?? []) as { info: { run_name: string } }[]).map((x) => x.info.run_name);
  };

  it("compares metrics with backtick-quoted keys, and params with = IN LIKE ILIKE", async () => {
    expect(await names("metrics.`val/acc` > 0.75", { order_by: ["metrics.`val/acc` DESC"] })).toEqual([
      "r-relu",
      "r-swish",
    ]);
    expect(await names("metrics.`val/acc` <= 0.7")).toEqual(["r-tanh"]);
    expect(await names("params.activation = 'relu'")).toEqual(["r-relu"]);
    expect(
      await names("params.activation IN ('relu', 'tanh')", { order_by: ["params.activation ASC"] }),
    ).toEqual(["r-relu", "r-tanh"]);
    expect(await names("params.activation LIKE 'sw%'")).toEqual(["r-swish"]);
    expect(await names("params.activation LIKE 'SW%'")).toEqual([]);
    expect(await names("params.activation ILIKE 'SW%'")).toEqual(["r-swish"]);
    expect(await names("params.activation != 'relu' AND metrics.`val/acc` >= 0.8")).toEqual(["r-swish"]);
    expect(await names(`attributes.run_name = "r-tanh"`)).toEqual(["r-tanh"]);
    expect(
      await names("attributes.status = 'RUNNING' AND attributes.start_time >= 1701000000000"),
    ).toHaveLength(3);
    expect(await names("tags.`mlflow.runName` = 'r-relu'")).toEqual(["r-relu"]);
  });

  it("pages without repeats or gaps in a stable order", async () => {
    const seen: string[] = [];
    let token: unknown;
    do {
      const r = await call("runs/search", {
        experiment_ids: ["0"],
        filter: "tags.suite = 'grammar'",
        max_results: 2,
        order_by: ["params.activation ASC"],
        ...(token ? { page_token: token } : {}),
      });
      seen.push(...(r.body.runs as { info: { run_name: string } }[]).map((x) => x.info.run_name));
      token = r.body.next_page_token;
    } while (token);
    expect(seen).toEqual(["r-relu", "r-swish", "r-tanh"]);
  });

  it("refuses a malformed filter, OR, and a bad page token with 400", async () => {
    for (const filter of [
      "metrics.acc > 'x'",
      "params.lr > 1",
      "metrics.acc > 1 OR metrics.acc < 0",
      "foo.bar = 'x'",
      "metrics.`open = 1",
    ]) {
      const r = await call("runs/search", { experiment_ids: ["0"], filter });
      expect(r.body.error_code, filter).toBe("INVALID_PARAMETER_VALUE");
    }
    const r = await call("runs/search", { experiment_ids: ["0"], page_token: "garbage!!" });
    expect(r.status).toBe(400);
  });
});
