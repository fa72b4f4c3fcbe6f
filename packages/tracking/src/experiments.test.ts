import { describe, expect, it } from "vitest";
import { trackingServerForSuite, workspaceOwnerForSuite } from "./test-server";

const s = trackingServerForSuite();
const owner = workspaceOwnerForSuite(s, "Owner", "Team");

describe("MLflow experiments over HTTP", () => {
  it("creates an experiment, reads it by id and by name, and refuses a duplicate name with 400", async () => {
    const created = await s.call(
      "experiments/create",
      { name: "mnist", tags: [{ key: "team", value: "vision" }] },
      { token: owner.token },
    );
    expect(created.status).toBe(200);
    const id = created.body.experiment_id as string;
    const got = await s.call("experiments/get", { experiment_id: id }, { token: owner.token });
    expect(got.body.experiment).toMatchObject({
      experiment_id: id,
      name: "mnist",
      lifecycle_stage: "active",
      tags: [{ key: "team", value: "vision" }],
    });
    const byName = await s.call(
      "experiments/get-by-name",
      { experiment_name: "mnist" },
      { token: owner.token },
    );
    expect((byName.body.experiment as { experiment_id: string }).experiment_id).toBe(id);
    const dup = await s.call("experiments/create", { name: "mnist" }, { token: owner.token });
    expect(dup).toMatchObject({ status: 400, body: { error_code: "RESOURCE_ALREADY_EXISTS" } });
  });

  it("answers 404 RESOURCE_DOES_NOT_EXIST for an unknown id or name", async () => {
    expect(await s.call("experiments/get", { experiment_id: "nope" }, { token: owner.token })).toMatchObject({
      status: 404,
      body: { error_code: "RESOURCE_DOES_NOT_EXIST" },
    });
    expect(
      (await s.call("experiments/get-by-name", { experiment_name: "nope" }, { token: owner.token })).status,
    ).toBe(404);
  });

  it("maps experiment 0 to the workspace's default project, which cannot be deleted", async () => {
    const got = await s.call("experiments/get", { experiment_id: "0" }, { token: owner.token });
    expect(got.body.experiment).toMatchObject({ experiment_id: "0", name: "Default project" });
    const del = await s.call("experiments/delete", { experiment_id: "0" }, { token: owner.token });
    expect(del).toMatchObject({ status: 400, body: { error_code: "INVALID_PARAMETER_VALUE" } });
  });

  it("renames, tags, deletes and restores, and search follows the lifecycle", async () => {
    const id = (await s.call("experiments/create", { name: "cifar" }, { token: owner.token })).body
      .experiment_id;
    expect(
      (await s.call("experiments/update", { experiment_id: id, new_name: "cifar10" }, { token: owner.token }))
        .status,
    ).toBe(200);
    await s.call(
      "experiments/set-experiment-tag",
      { experiment_id: id, key: "stage", value: "prod" },
      { token: owner.token },
    );
    const tagged = await s.call(
      "experiments/search",
      { filter: "tags.stage = 'prod'" },
      { token: owner.token },
    );
    expect((tagged.body.experiments as { name: string }[]).map((e) => e.name)).toEqual(["cifar10"]);
    await s.call("experiments/delete", { experiment_id: id }, { token: owner.token });
    const active = await s.call("experiments/search", { filter: "name = 'cifar10'" }, { token: owner.token });
    expect(active.body.experiments ?? []).toEqual([]);
    const deleted = await s.call(
      "experiments/search",
      { filter: "name = 'cifar10'", view_type: "DELETED_ONLY" },
      { token: owner.token },
    );
    expect((deleted.body.experiments as { lifecycle_stage: string }[])[0]?.lifecycle_stage).toBe("deleted");
    await s.call("experiments/restore", { experiment_id: id }, { token: owner.token });
    const restored = await s.call("experiments/get", { experiment_id: id }, { token: owner.token });
    expect((restored.body.experiment as { lifecycle_stage: string }).lifecycle_stage).toBe("active");
  });

  it("searches with LIKE/ILIKE on the name, by GET as well as POST, and pages without repeats", async () => {
    for (const n of ["exp-a", "exp-b", "exp-c", "EXP-d"])
      await s.call("experiments/create", { name: n }, { token: owner.token });
    const like = await s.call(
      "experiments/search",
      { filter: "name LIKE 'exp-%'", order_by: ["name ASC"] },
      { token: owner.token },
    );
    expect((like.body.experiments as { name: string }[]).map((e) => e.name)).toEqual([
      "exp-a",
      "exp-b",
      "exp-c",
    ]);
    const ilike = await s.call(
      "experiments/search",
      { filter: "name ILIKE 'exp-%'", max_results: 3, order_by: "name ASC" },
      { token: owner.token, method: "GET" },
    );
    expect(ilike.body.experiments as unknown[]).toHaveLength(3);
    const next = await s.call(
      "experiments/search",
      {
        filter: "name ILIKE 'exp-%'",
        max_results: 3,
        order_by: ["name ASC"],
        page_token: ilike.body.next_page_token,
      },
      { token: owner.token },
    );
    expect((next.body.experiments as { name: string }[]).map((e) => e.name)).toEqual(["exp-c"]); // "EXP-d" sorts first: byte order, as in SQL
    expect(next.body.next_page_token).toBeUndefined();
  });

  it("still answers the pre-2.0 experiments/list", async () => {
    const list = await s.call("experiments/list", {}, { token: owner.token });
    expect(list.status).toBe(200);
    expect((list.body.experiments as { experiment_id: string }[])[0]?.experiment_id).toBe("0");
  });

  it("refuses a malformed filter with 400 and a reason", async () => {
    const bad = await s.call("experiments/search", { filter: "name === 'x'" }, { token: owner.token });
    expect(bad.status).toBe(400);
    expect(bad.body.error_code).toBe("INVALID_PARAMETER_VALUE");
  });

  it("answers an unknown endpoint with 404 ENDPOINT_NOT_FOUND", async () => {
    expect(await s.call("experiments/frobnicate", {}, { token: owner.token })).toMatchObject({
      status: 404,
      body: { error_code: "ENDPOINT_NOT_FOUND" },
    });
  });
});
