/**
 * Every MLflow endpoint through the built app (`next start`), as an MLflow client calls it: the route
 * files, GET query parsing and POST JSON bodies of the real server, not the handler alone.
 */
import { describe, expect, it } from "vitest";
import { e2eStack } from "./stack";

const stack = e2eStack();

type Reply = { status: number; body: Record<string, unknown> };

async function call(
  method: "GET" | "POST",
  path: string,
  input: Record<string, unknown> = {},
): Promise<Reply> {
  let url = `${stack.baseUrl}/api/2.0/mlflow/${path}`;
  let body: string | undefined;
  if (method === "GET") {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(input))
      for (const x of Array.isArray(v) ? v : [v]) q.append(k, String(x));
    url += `?${q}`;
  } else body = JSON.stringify(input);
  const res = await fetch(url, { method, headers: { "content-type": "application/json" }, body });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const ok = async (method: "GET" | "POST", path: string, input: Record<string, unknown> = {}) => {
  const r = await call(method, path, input);
  expect(r.status, `${method} ${path}: ${JSON.stringify(r.body)}`).toBe(200);
  return r.body;
};

describe("the MLflow REST API under next start", () => {
  it("answers every endpoint's happy path", async () => {
    const { experiment_id } = (await ok("POST", "experiments/create", {
      name: "e2e-exp",
      tags: [{ key: "team", value: "lab" }],
    })) as { experiment_id: string };
    expect((await ok("GET", "experiments/get", { experiment_id })).experiment).toMatchObject({
      name: "e2e-exp",
    });
    expect(
      (await ok("GET", "experiments/get-by-name", { experiment_name: "e2e-exp" })).experiment,
    ).toMatchObject({
      experiment_id,
    });
    const searched = (await ok("POST", "experiments/search", { max_results: 10, filter: "name = 'e2e-exp'" }))
      .experiments as unknown[];
    expect(searched).toHaveLength(1);
    expect(
      ((await ok("GET", "experiments/search", { max_results: 10 })).experiments as unknown[]).length,
    ).toBeGreaterThan(1);
    expect(((await ok("GET", "experiments/list")).experiments as unknown[]).length).toBeGreaterThan(1);
    await ok("POST", "experiments/update", { experiment_id, new_name: "e2e-renamed" });
    await ok("POST", "experiments/set-experiment-tag", { experiment_id, key: "stage", value: "dev" });

    const created = (await ok("POST", "runs/create", {
      experiment_id,
      run_name: "e2e-run",
      start_time: String(Date.now()),
    })) as { run: { info: { run_id: string } } };
    const run_id = created.run.info.run_id;
    await ok("POST", "runs/log-parameter", { run_id, key: "activation", value: "tanh" });
    await ok("POST", "runs/log-metric", {
      run_uuid: run_id,
      key: "loss",
      value: "NaN",
      timestamp: Date.now(),
    });
    await ok("POST", "runs/log-metric", { run_id, key: "loss", value: 0.5, timestamp: Date.now(), step: 1 });
    await ok("POST", "runs/set-tag", { run_id, key: "note", value: "hello" });
    await ok("POST", "runs/delete-tag", { run_id, key: "note" });
    await ok("POST", "runs/log-batch", {
      run_id,
      metrics: [{ key: "val/acc", value: 0.9, timestamp: Date.now(), step: 1 }],
      params: [{ key: "lr", value: "0.01" }],
      tags: [{ key: "mlflow.user", value: "ada" }],
    });
    await ok("POST", "runs/log-inputs", {
      run_id,
      datasets: [{ dataset: { name: "iris", digest: "abc123", source_type: "local", source: "iris.csv" } }],
    });
    await ok("POST", "runs/update", { run_id, status: "FINISHED", end_time: Date.now() });
    const got = (await ok("GET", "runs/get", { run_id })) as {
      run: {
        info: { status: string };
        data: { params: unknown[]; metrics: { key: string; value: unknown }[] };
      };
    };
    expect(got.run.info.status).toBe("FINISHED");
    expect(got.run.data.params).toEqual(
      expect.arrayContaining([
        { key: "activation", value: "tanh" },
        { key: "lr", value: "0.01" },
      ]),
    );
    const search = (await ok("POST", "runs/search", {
      experiment_ids: [experiment_id],
      filter: "params.activation = 'tanh' and metrics.`val/acc` > 0.5",
      order_by: ["attributes.start_time DESC"],
    })) as { runs: { info: { run_id: string } }[] };
    expect(search.runs.map((r) => r.info.run_id)).toEqual([run_id]);
    const viaGet = (await ok("GET", "runs/search", { experiment_ids: experiment_id, max_results: 5 })) as {
      runs: unknown[];
    };
    expect(viaGet.runs).toHaveLength(1);
    const history = (await ok("GET", "metrics/get-history", { run_id, metric_key: "loss" })) as {
      metrics: { value: unknown; step: unknown }[];
    };
    expect(history.metrics.map((m) => m.value)).toEqual(["NaN", 0.5]);
    const bulk = (await ok("GET", "metrics/get-history-bulk-interval", {
      run_ids: run_id,
      metric_key: "val/acc",
      max_results: 10,
    })) as { metrics: unknown[] };
    expect(bulk.metrics).toHaveLength(1);
    await ok("GET", "artifacts/list", { run_id });
    await ok("POST", "runs/delete", { run_id });
    await ok("POST", "runs/restore", { run_id });
    await ok("POST", "experiments/delete", { experiment_id });
    await ok("POST", "experiments/restore", { experiment_id });
  });

  it("answers MLflow's error codes with MLflow's bodies", async () => {
    const missing = await call("GET", "runs/get", { run_id: "no-such-run" });
    expect(missing).toMatchObject({ status: 404, body: { error_code: "RESOURCE_DOES_NOT_EXIST" } });
    const invalid = await call("POST", "runs/log-metric", { run_id: "x", key: "loss", value: "ten" });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error_code).toBe("INVALID_PARAMETER_VALUE");
    expect((await call("POST", "experiments/create", { name: "twice" })).status).toBe(200);
    const twice = await call("POST", "experiments/create", { name: "twice" });
    expect(twice).toMatchObject({ status: 400, body: { error_code: "RESOURCE_ALREADY_EXISTS" } });
    const unknown = await call("GET", "runs/nothing");
    expect(unknown).toMatchObject({ status: 404, body: { error_code: "ENDPOINT_NOT_FOUND" } });
  });
});
