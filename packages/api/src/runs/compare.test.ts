import { appendMetrics, createApiToken, finishRun, markRunStarted } from "@actlab/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeFloat32 } from "../series-codec";
import { SMALL_MOONS_RUN as config, testApiForSuite, trpcCodeOf } from "../test-api";
import { startTestServer, type TestServer } from "../test-server";

const api = testApiForSuite();
let server: TestServer;
const tokens = { viewer: "", outsider: "" };
let outsider = "";
let finished: string[] = [];
let training = "";

const point = (step: number, value: number) => ({ key: "val/acc", step, value, wallMs: step });
const input = (runIds: string[]) => ({ runIds, keys: ["val/acc"], buckets: 64 });
const valuesOf = (c: { series: { runId: string; key: string; values: string }[] }, runId: string) =>
  decodeFloat32(c.series.find((s) => s.runId === runId && s.key === "val/acc")?.values ?? "");

beforeAll(async () => {
  server = await startTestServer(api);
  const viewer = await api.addUserAs("Vera Viewer", "VIEWER");
  outsider = await api.addUser("Otto Outsider");
  await api.addWorkspace(outsider, "elsewhere");
  tokens.viewer = (await createApiToken(api.db, viewer, "t")).token;
  tokens.outsider = (await createApiToken(api.db, outsider, "t")).token;
  finished = [];
  for (let i = 0; i < 2; i++) {
    const { id } = await api.caller().runs.create({ config });
    await markRunStarted(api.db, id);
    await appendMetrics(api.db, id, [point(1, 0.5), point(2, 0.6 + i / 10)]);
    await finishRun(api.db, id, { status: "COMPLETED" });
    finished.push(id);
  }
  training = (await api.caller().runs.create({ config })).id;
  await markRunStarted(api.db, training);
  await appendMetrics(api.db, training, [point(1, 0.4)]);
}, 60_000);
afterAll(() => server?.close());

describe("runs.compare through the comparison cache", () => {
  it("reads a new point at once: the point changes the runs' series version", async () => {
    const caller = api.caller();
    const before = await caller.runs.compare(input([training]));
    expect(valuesOf(before, training)).toEqual([0.4000000059604645]);
    await appendMetrics(api.db, training, [point(2, 0.75)]);
    const after = await caller.runs.compare(input([training]));
    expect(valuesOf(after, training)).toEqual([0.4000000059604645, 0.75]);
  });

  it("reads a status change at once: the run's row is part of the fingerprint", async () => {
    const other = (await api.caller().runs.create({ config })).id;
    await markRunStarted(api.db, other);
    expect((await api.caller().runs.compare(input([other]))).runs[0]?.status).toBe("RUNNING");
    await finishRun(api.db, other, { status: "FAILED", error: "out of patience" });
    expect((await api.caller().runs.compare(input([other]))).runs[0]).toMatchObject({
      status: "FAILED",
      error: "out of patience",
    });
  });

  it("reads the series once for 200 identical comparisons asked at once", async () => {
    const stats = () => api.deps.comparisons?.stats() ?? { loads: Number.NaN, coalesced: 0, hits: 0 };
    const first = stats();
    const answers = await Promise.all(
      Array.from({ length: 200 }, () => api.caller().runs.compare({ ...input(finished), buckets: 100 })),
    );
    const after = stats();
    expect(after.loads - first.loads).toBe(1);
    expect(after.coalesced + after.hits - first.coalesced - first.hits).toBe(199);
    expect(new Set(answers.map((a) => JSON.stringify(a.series))).size).toBe(1);
  });

  it("checks access before the cache: another workspace's member never gets a cached comparison", async () => {
    await api.caller().runs.compare(input(finished)); // cached now
    expect(await trpcCodeOf(api.caller(outsider).runs.compare(input(finished)))).toBe("NOT_FOUND");
  });
});

function compareOverHttp(token: string, runIds: string[], headers: Record<string, string> = {}) {
  const q = encodeURIComponent(JSON.stringify({ json: input(runIds) }));
  return fetch(`${server.url}/api/trpc/runs.compare?input=${q}`, {
    headers: { authorization: `Bearer ${token}`, ...headers },
  });
}

describe("HTTP caching of comparisons", () => {
  it("gives finished runs' comparison an ETag, answers a matching revalidation 304, and a changed one 200", async () => {
    const res = await compareOverHttp(tokens.viewer, finished);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("private, no-cache");
    const etag = res.headers.get("etag") as string;
    expect(etag).toMatch(/^"[\w-]{32}"$/);
    expect((await res.json()).result.data.json.series.length).toBeGreaterThan(0);
    const again = await compareOverHttp(tokens.viewer, finished, { "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    expect(await again.text()).toBe("");
    // A point logged to a finished run (an MLflow client may) is a new answer with a new tag.
    await appendMetrics(api.db, finished[0] as string, [point(3, 0.9)]);
    const changed = await compareOverHttp(tokens.viewer, finished, { "if-none-match": etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
  });

  it("never answers 304 to someone who may not read the runs, even with the right tag", async () => {
    const etag = (await compareOverHttp(tokens.viewer, finished)).headers.get("etag") as string;
    const res = await compareOverHttp(tokens.outsider, finished, { "if-none-match": etag });
    expect(res.status).toBe(404);
    expect(res.headers.get("etag")).toBeNull();
  });

  it("tells the browser not to store a comparison with a run still training", async () => {
    const res = await compareOverHttp(tokens.viewer, [...finished, training]);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("etag")).toBeNull();
  });

  it("keeps no tag on a batch that mixes a comparison with another query", async () => {
    const q = encodeURIComponent(JSON.stringify({ 0: { json: input(finished) }, 1: { json: {} } }));
    const res = await fetch(`${server.url}/api/trpc/runs.compare,runs.list?batch=1&input=${q}`, {
      headers: { authorization: `Bearer ${tokens.viewer}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("etag")).toBeNull();
  });
});
