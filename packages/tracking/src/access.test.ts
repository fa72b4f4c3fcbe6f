import { beforeAll, describe, expect, it } from "vitest";
import { READ_ROUTES, ROUTES } from "./routes";
import {
  type Member,
  startTrackingTestServer,
  trackingServerForSuite,
  workspaceWithRoles,
} from "./test-server";

describe("MLflow API in local mode", () => {
  it("works without a token while no account exists, as the web UI does", async () => {
    const s = await startTrackingTestServer();
    try {
      const r = await s.call("runs/create", { experiment_id: "0", run_name: "local" });
      expect(r.status).toBe(200);
    } finally {
      await s.close();
    }
  }, 60_000);
});

describe("MLflow API tokens and roles across workspaces", () => {
  const s = trackingServerForSuite();
  let owner: Member;
  let viewer: Member;
  let outsider: Member;
  let runId: string;
  let experimentId: string;

  beforeAll(async () => {
    ({ owner, viewer, outsider } = await workspaceWithRoles(s));
    experimentId = (await s.call("experiments/create", { name: "team-exp" }, { token: owner.token })).body
      .experiment_id as string;
    const run = await s.call("runs/create", { experiment_id: experimentId }, { token: owner.token });
    runId = (run.body.run as { info: { run_id: string } }).info.run_id;
  }, 60_000);

  it("answers 401 without a token once accounts exist, and for a wrong token", async () => {
    expect((await s.call("runs/get", { run_id: runId })).status).toBe(401);
    expect((await s.call("runs/get", { run_id: runId }, { token: "actlab_wrong" })).status).toBe(401);
  });

  it("takes the token as an HTTP Basic password (MLFLOW_TRACKING_PASSWORD)", async () => {
    const basic = Buffer.from(`anyone:${owner.token}`).toString("base64");
    const r = await s.call("runs/get", { run_id: runId }, { headers: { authorization: `Basic ${basic}` } });
    expect(r.status).toBe(200);
  });

  it("lets a viewer read and refuses every write with 403 PERMISSION_DENIED", async () => {
    expect((await s.call("runs/get", { run_id: runId }, { token: viewer.token })).status).toBe(200);
    expect(
      (await s.call("experiments/get", { experiment_id: experimentId }, { token: viewer.token })).status,
    ).toBe(200);
    for (const path of Object.keys(ROUTES).filter((p) => !READ_ROUTES.has(p))) {
      const r = await s.call(
        path,
        { run_id: runId, experiment_id: experimentId, name: "x", key: "k", value: "1", new_name: "y" },
        { token: viewer.token },
      );
      expect(r.body.error_code, path).toBe("PERMISSION_DENIED");
      expect(r.status, path).toBe(403);
    }
  });

  it("shows another workspace's runs and experiments to nobody: 404, never their data", async () => {
    for (const [path, body] of [
      ["runs/get", { run_id: runId }],
      ["runs/log-metric", { run_id: runId, key: "x", value: 1 }],
      ["metrics/get-history", { run_id: runId, metric_key: "x" }],
      ["experiments/get", { experiment_id: experimentId }],
      ["runs/create", { experiment_id: experimentId }],
    ] as const) {
      const r = await s.call(path, body, { token: outsider.token });
      expect(r.status, path).toBe(404);
      expect(r.body.error_code, path).toBe("RESOURCE_DOES_NOT_EXIST");
    }
    const search = await s.call("runs/search", { experiment_ids: ["0"] }, { token: outsider.token });
    expect(search.body.runs ?? []).toEqual([]);
    const byName = await s.call(
      "experiments/get-by-name",
      { experiment_name: "team-exp" },
      { token: outsider.token },
    );
    expect(byName.status).toBe(404);
  });
});
