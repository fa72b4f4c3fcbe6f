/** mlflow-artifacts over real HTTP: upload, list, download, delete; traversal, size and role checks. */
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type Member, trackingServerForSuite, workspaceWithRoles } from "./test-server";

const LIMIT = 256 * 1024;

describe.each(["folder", "database"] as const)("mlflow-artifacts in the %s store", (artifactStore) => {
  const s = trackingServerForSuite({ maxArtifactBytes: LIMIT, artifactStore });
  let owner: Member;
  let viewer: Member;
  let outsider: Member;
  let runId: string;
  let root: string;

  /** node:http, so paths go out exactly as written (fetch would resolve "../") and bodies can be chunked. */
  function request(
    method: string,
    target: string,
    options: { token?: string; body?: Buffer; chunked?: boolean } = {},
  ): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
    const u = new URL(s.url);
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: "127.0.0.1",
          port: u.port,
          path: target,
          method,
          headers: {
            ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
            ...(options.chunked ? { "transfer-encoding": "chunked" } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (d) => chunks.push(d));
          res.on("end", () =>
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
          );
        },
      );
      req.on("error", reject);
      if (options.chunked && options.body) {
        for (let i = 0; i < options.body.length; i += 16_384) req.write(options.body.subarray(i, i + 16_384));
        req.end();
      } else req.end(options.body);
    });
  }

  const json = (b: Buffer) => JSON.parse(b.toString("utf8") || "{}");
  const at = (p: string) => `/api/2.0/mlflow-artifacts/artifacts/${root}/${p}`;

  beforeAll(async () => {
    ({ owner, viewer, outsider } = await workspaceWithRoles(s));
    const run = await s.call("runs/create", { run_name: "with-files" }, { token: owner.token });
    const info = (run.body.run as { info: { run_id: string; artifact_uri: string } }).info;
    runId = info.run_id;
    root = info.artifact_uri.replace(/^mlflow-artifacts:\//, "");
  }, 60_000);

  it("stores what log_artifact uploads, lists it per folder and gives the same bytes back", async () => {
    const model = Buffer.from(Array.from({ length: 5000 }, (_, i) => i % 251));
    expect((await request("PUT", at("model/weights.bin"), { token: owner.token, body: model })).status).toBe(
      200,
    );
    const notes = Buffer.from("loss went down\n");
    expect(
      (await request("PUT", at("notes.txt"), { token: owner.token, body: notes, chunked: true })).status,
    ).toBe(200);

    const top = await request("GET", `/api/2.0/mlflow-artifacts/artifacts?path=${root}`, {
      token: viewer.token,
    });
    expect(json(top.body).files).toEqual([
      { path: "model", is_dir: true },
      { path: "notes.txt", is_dir: false, file_size: notes.length },
    ]);
    const inner = await request("GET", `/api/2.0/mlflow-artifacts/artifacts?path=${root}/model`, {
      token: viewer.token,
    });
    expect(json(inner.body).files).toEqual([{ path: "weights.bin", is_dir: false, file_size: 5000 }]);
    const tracking = await s.call(
      "artifacts/list",
      { run_id: runId, path: "model" },
      { token: viewer.token },
    );
    expect(tracking.body).toMatchObject({
      root_uri: `mlflow-artifacts:/${root.split("/artifacts")[0]}/artifacts`,
      files: [{ path: "model/weights.bin", is_dir: false, file_size: 5000 }],
    });

    const back = await request("GET", at("model/weights.bin"), { token: viewer.token });
    expect(back.status).toBe(200);
    expect(back.body.equals(model)).toBe(true);
    // Served as a download, never rendered on this origin.
    expect(back.headers["content-type"]).toBe("application/octet-stream");
    expect(back.headers["content-disposition"]).toMatch(/^attachment/);
  });

  it("replaces a file uploaded twice and forgets a deleted one", async () => {
    await request("PUT", at("again.txt"), { token: owner.token, body: Buffer.from("first") });
    await request("PUT", at("again.txt"), { token: owner.token, body: Buffer.from("second!") });
    expect((await request("GET", at("again.txt"), { token: owner.token })).body.toString()).toBe("second!");
    expect((await request("DELETE", at("again.txt"), { token: owner.token })).status).toBe(200);
    const gone = await request("GET", at("again.txt"), { token: owner.token });
    expect(gone.status).toBe(404);
    expect(json(gone.body).error_code).toBe("RESOURCE_DOES_NOT_EXIST");
  });

  it("refuses every path that would leave the run's folder, and writes nothing anywhere", async () => {
    const before = (await s.storedArtifactFiles()).length;
    for (const evil of [
      "../escape.txt",
      "model/../../escape.txt",
      "%2e%2e/escape.txt",
      "model/%2E%2E/%2e%2e/escape.txt",
      "%2Fetc%2Fpasswd",
      "a%5C..%5C..%5Cescape.txt",
      "a//b",
      "a%00b",
    ]) {
      const res = await request("PUT", at(evil), { token: owner.token, body: Buffer.from("x") });
      expect(res.status, evil).toBe(400);
      expect(json(res.body).error_code, evil).toBe("INVALID_PARAMETER_VALUE");
    }
    const other = await request("PUT", `/api/2.0/mlflow-artifacts/artifacts/0/../${runId}/artifacts/x`, {
      token: owner.token,
      body: Buffer.from("x"),
    });
    expect(other.status).toBeGreaterThanOrEqual(400);
    expect((await s.storedArtifactFiles()).length).toBe(before);
    expect(fs.existsSync(path.join(path.dirname(s.artifactRoot), "escape.txt"))).toBe(false);
  });

  it("cuts off an upload past the size limit, declared or streamed, and keeps no partial file", async () => {
    const big = Buffer.alloc(LIMIT + 1, 7);
    // Declared: refused with 413 before a byte is read (what MLflow's client sends: files have a length).
    const declared = await request("PUT", at("big-declared.bin"), { token: owner.token, body: big });
    expect(declared.status).toBe(413);
    expect(json(declared.body).message).toMatch(`${LIMIT}-byte limit`);
    // Streamed without a length: reading stops at the limit and the connection is dropped.
    const streamed = await request("PUT", at("big-streamed.bin"), {
      token: owner.token,
      body: big,
      chunked: true,
    })
      .then((r) => r.status)
      .catch((err: Error) => err.message);
    expect(String(streamed)).toMatch(/^413$|ECONNRESET|socket hang up/);
    for (const name of ["big-declared.bin", "big-streamed.bin"]) {
      expect((await request("GET", at(name), { token: owner.token })).status).toBe(404);
    }
    const leftovers = (await s.storedArtifactFiles()).filter((f) => f.includes("upload-"));
    expect(leftovers).toEqual([]);
  }, 30_000);

  it("lets viewers read but not write, and shows another workspace's files to nobody", async () => {
    const put = await request("PUT", at("viewer.txt"), { token: viewer.token, body: Buffer.from("x") });
    expect(put.status).toBe(403);
    expect(json(put.body).error_code).toBe("PERMISSION_DENIED");
    expect((await request("DELETE", at("notes.txt"), { token: viewer.token })).status).toBe(403);
    for (const [method, target] of [
      ["GET", at("notes.txt")],
      ["PUT", at("outsider.txt")],
      ["DELETE", at("notes.txt")],
      ["GET", `/api/2.0/mlflow-artifacts/artifacts?path=${root}`],
    ] as const) {
      const body = method === "PUT" ? Buffer.from("x") : undefined;
      const res = await request(method, target, { token: outsider.token, body });
      expect(res.status, `${method} ${target}: ${res.body}`).toBe(404);
    }
    expect((await request("GET", at("notes.txt"))).status).toBe(401);
    expect((await s.call("artifacts/list", { run_id: runId }, { token: outsider.token })).status).toBe(404);
  });

  it("gives back a file of exactly the limit (whole chunks in the database store) and an empty file", async () => {
    const exact = Buffer.from(Array.from({ length: LIMIT }, (_, i) => (i * 7) % 256));
    expect((await request("PUT", at("exact.bin"), { token: owner.token, body: exact })).status).toBe(200);
    expect((await request("GET", at("exact.bin"), { token: owner.token })).body.equals(exact)).toBe(true);
    const empty = await request("PUT", at("empty.txt"), { token: owner.token, body: Buffer.alloc(0) });
    expect(empty.status).toBe(200);
    const back = await request("GET", at("empty.txt"), { token: owner.token });
    expect([back.status, back.body.length]).toEqual([200, 0]);
  });
});
