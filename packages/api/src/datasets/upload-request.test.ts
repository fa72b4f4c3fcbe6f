/**
 * Dataset uploads over real HTTP with API tokens: stored once per content, versioned per name, refused
 * with a message (and nothing stored) for bad files, and confined to the uploader's workspace.
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { createApiToken } from "@actlab/db";
import { prismaForTests } from "@actlab/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SMALL_MOONS_RUN, testApiForSuite } from "../test-api";
import { startTestServer, type TestServer } from "../test-server";

const api = testApiForSuite();
let server: TestServer;
const tokens: Record<"owner" | "editor" | "viewer" | "outsider", string> = {
  owner: "",
  editor: "",
  viewer: "",
  outsider: "",
};
const users: Record<string, string> = {};
let outsiderProject = "";
/** Where the server spools bodies: every upload, stored or refused, must leave it empty. */
const spoolDir = mkdtempSync(join(tmpdir(), "actlab-spool-test-"));

const csv = (n: number, shift = 0) =>
  `x1,x2,species\n${Array.from({ length: n }, (_, i) => `${i + shift},${(i * 3) % 7},${i % 3 ? "a" : "b"}\n`).join("")}`;

beforeAll(async () => {
  server = await startTestServer(api, { maxUploadBytes: 2 * 2 ** 20, spoolDir });
  for (const role of ["owner", "editor", "viewer", "outsider"] as const) {
    users[role] = await api.addUser(role);
    tokens[role] = (await createApiToken(api.db, users[role] as string, "t")).token;
  }
  await api.addMember(users.owner as string, "OWNER");
  await api.addMember(users.editor as string, "EDITOR");
  await api.addMember(users.viewer as string, "VIEWER");
  outsiderProject = (await api.addWorkspace(users.outsider as string, "elsewhere")).projectId;
}, 60_000);
afterAll(async () => {
  await server?.close();
  rmSync(spoolDir, { recursive: true, force: true });
});

function upload(
  who: keyof typeof tokens,
  body: string | Uint8Array<ArrayBuffer>,
  query: Record<string, string> = { name: "flowers", label: "species" },
) {
  return fetch(`${server.url}/api/datasets?${new URLSearchParams({ project: api.projectId, ...query })}`, {
    method: "POST",
    headers: { authorization: `Bearer ${tokens[who]}` },
    body,
  });
}
const storedCount = () => prismaForTests(api.db).dataset.count({ where: { projectId: api.projectId } });

describe("POST /api/datasets", () => {
  it("stores an upload with its shape, classes and balance, and lists it", async () => {
    const res = await upload("editor", csv(30));
    expect(res.status).toBe(201);
    const { dataset, created } = await res.json();
    expect(created).toBe(true);
    expect(dataset).toMatchObject({
      name: "flowers",
      version: 1,
      rows: 30,
      features: 2,
      classes: 2,
      labelColumn: "species",
      featureNames: ["x1", "x2"],
      classNames: ["a", "b"],
      classCounts: [20, 10],
    });
    expect(dataset.hash).toMatch(/^[0-9a-f]{64}$/);
    const listed = await api.caller(users.viewer).datasets.list({ projectId: api.projectId });
    expect(listed.map((d) => [d.name, d.version, d.hash])).toEqual([["flowers", 1, dataset.hash]]);
  });

  it("keeps one dataset for the same content, sent again or gzipped, under any name", async () => {
    const before = await storedCount();
    const again = await upload("owner", csv(30));
    const zipped = await upload("owner", gzipSync(csv(30)), { name: "other name", label: "species" });
    expect([again.status, zipped.status]).toEqual([200, 200]);
    const [a, z] = [await again.json(), await zipped.json()];
    expect(a.created).toBe(false);
    expect(z.dataset.name).toBe("flowers");
    expect(z.dataset.hash).toBe(a.dataset.hash);
    expect(await storedCount()).toBe(before);
  });

  it("makes a changed file under the same name its next version", async () => {
    const res = await upload("editor", csv(30, 1));
    expect(res.status).toBe(201);
    expect((await res.json()).dataset.version).toBe(2);
  });

  it("refuses a bad file with its line and column, and stores nothing", async () => {
    const before = await storedCount();
    const res = await upload("editor", csv(30).replace("\n5,", "\nfive,"));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: { message: "line 7: column 'x1' is 'five', not a number", line: 7, column: "x1" },
    });
    const noLabel = await upload("editor", csv(30), { name: "flowers", label: "colour" });
    expect((await noLabel.json()).error.message).toMatch(/no column 'colour' in the header/);
    expect(await storedCount()).toBe(before);
  });

  it("refuses each kind of bad file with its own message, and stores nothing for any", async () => {
    const before = await storedCount();
    const good = csv(30);
    const latin1 = Uint8Array.from(`x1,x2,species\n1,2,caf\xe9\n`, (c) => c.charCodeAt(0));
    const bomb = gzipSync(`x1,x2,species\n${"1,2,a\n".repeat(500_000)}`);
    const cases: [string, string | Uint8Array<ArrayBuffer>, RegExp][] = [
      ["wrong delimiter", good.replaceAll(",", ";"), /separated by ';'/],
      ["non-numeric cell", good.replace("\n3,", "\nthree,"), /column 'x1' is 'three', not a number/],
      ["missing label", good.replace("\n4,5,a", "\n4,5,"), /the label column 'species' is empty/],
      ["one row", "x1,x2,species\n1,2,a\n", /1 data row; a dataset needs at least 10/],
      [
        "huge line",
        `x1,species\n${"9".repeat(2 ** 20 + 10)},a\n`,
        /line 2: the line is longer than 1048576 bytes/,
      ],
      ["gzip bomb", new Uint8Array(bomb), /decompressed, the file is larger than the limit/],
      ["wrong encoding", new Uint8Array(latin1), /not UTF-8 text/],
    ];
    for (const [what, body, message] of cases) {
      const res = await upload("editor", body);
      expect([400, 413], what).toContain(res.status);
      expect((await res.json()).error.message, what).toMatch(message);
    }
    expect(await storedCount()).toBe(before);
  });

  it("refuses a file over the limit, declared or streamed, and a bad name", async () => {
    const big = csv(250_000);
    expect(big.length).toBeGreaterThan(2 * 2 ** 20);
    expect((await upload("editor", big)).status).toBe(413);
    const streamed = await fetch(`${server.url}/api/datasets?name=big&project=${api.projectId}`, {
      method: "POST",
      headers: { authorization: `Bearer ${tokens.editor}` },
      body: new Blob([big]).stream(),
      duplex: "half",
    } as RequestInit);
    expect(streamed.status).toBe(413);
    const badName = await upload("editor", csv(30), { name: "<script>" });
    expect(badName.status).toBe(400);
    expect((await badName.json()).error.message).toMatch(/letters, digits/);
  });

  it("leaves no spooled body behind, whether the upload was stored, refused as bad or over the limit", () => {
    expect(readdirSync(spoolDir)).toEqual([]);
  });

  it("lets editors and owners upload; a viewer gets 403, a stranger 404, no token 401", async () => {
    const file = csv(20, 100);
    expect((await upload("viewer", file)).status).toBe(403);
    expect((await upload("outsider", file)).status).toBe(404);
    const anonymous = await fetch(`${server.url}/api/datasets?name=x&project=${api.projectId}`, {
      method: "POST",
      headers: { authorization: "Bearer actlab_not_a_token" },
      body: file,
    });
    expect(anonymous.status).toBe(401);
    expect((await upload("owner", file, { name: "owned" })).status).toBe(201);
  });

  it("keeps a workspace's uploads out of another's lists and launches", async () => {
    const mine = (await (await upload("owner", csv(30))).json()).dataset;
    const theirs = await api.caller(users.outsider).datasets.list({ projectId: outsiderProject });
    expect(theirs).toEqual([]);
    await expect(
      api.caller(users.outsider).runs.create({
        projectId: outsiderProject,
        config: { ...SMALL_MOONS_RUN, dataset: { kind: "uploaded", hash: mine.hash } },
      }),
    ).rejects.toThrow(/this project has no uploaded dataset/);
    await expect(api.caller(users.outsider).datasets.list({ projectId: api.projectId })).rejects.toThrow(
      /no such project/,
    );
  });

  it("names the exact version in a run launched on an upload", async () => {
    const v2 = (await (await upload("owner", csv(30, 1))).json()).dataset;
    const { id } = await api.caller(users.editor).runs.create({
      projectId: api.projectId,
      config: { ...SMALL_MOONS_RUN, dataset: { kind: "uploaded", hash: v2.hash, name: "renamed?" } },
    });
    const run = await prismaForTests(api.db).run.findUniqueOrThrow({ where: { id } });
    expect(JSON.parse(run.config).dataset).toEqual({
      kind: "uploaded",
      hash: v2.hash,
      name: "flowers",
      version: 2,
    });
    expect(run.dataset).toBe("flowers v2");
  });
});
