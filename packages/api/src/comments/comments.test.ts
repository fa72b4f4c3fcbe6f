import type { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { trpcCodeOf as codeOf, SMALL_MOONS_RUN as config, testApiForSuite } from "../test-api";

describe("collaboration procedures", () => {
  const api = testApiForSuite();
  let viewer: string;
  let editor: string;
  let outsider: string;
  let runId: string;

  beforeAll(async () => {
    viewer = await api.addUserAs("Vera Viewer", "VIEWER");
    editor = await api.addUserAs("Ed Editor", "EDITOR");
    outsider = await api.addUser("Olga Outsider");
    runId = (await api.caller(editor).runs.create({ config })).id;
  }, 60_000);

  it("lets a viewer comment, keeping only mentions of workspace members", async () => {
    const { id } = await api.caller(viewer).comments.add({
      targetKind: "run",
      targetId: runId,
      body: "@Ed Editor look",
      mentions: [editor, outsider],
    });
    const thread = await api.caller(editor).comments.list({ targetKind: "run", targetId: runId });
    expect(thread.find((c) => c.id === id)).toMatchObject({ authorName: "Vera Viewer", mentions: [editor] });
  });

  it("lets only the author edit, and the author or an owner delete", async () => {
    const { id } = await api.caller(viewer).comments.add({ targetKind: "run", targetId: runId, body: "v1" });
    expect(await codeOf(api.caller(editor).comments.edit({ commentId: id, body: "hijack" }))).toBe(
      "FORBIDDEN",
    );
    expect(await codeOf(api.caller(viewer).comments.edit({ commentId: id, body: "v2" }))).toBe("ok");
    expect(await codeOf(api.caller(editor).comments.remove({ commentId: id }))).toBe("FORBIDDEN");
    expect(await codeOf(api.caller().comments.remove({ commentId: id }))).toBe("ok"); // the owner
    expect(await codeOf(api.caller(viewer).comments.edit({ commentId: id, body: "v3" }))).toBe("NOT_FOUND");
  });

  it("refuses an empty comment and a target outside the project", async () => {
    const err = await api
      .caller(viewer)
      .comments.add({ targetKind: "run", targetId: runId, body: "   " })
      .catch((e: TRPCError) => e);
    expect((err as TRPCError).message).toContain("write something first");
    expect(
      await codeOf(api.caller(viewer).comments.add({ targetKind: "sweep", targetId: runId, body: "x" })),
    ).toBe("NOT_FOUND");
  });

  it("lets editors write notes and tags that viewers read", async () => {
    await api.caller(editor).notes.set({ targetKind: "run", targetId: runId, notes: "try lr 0.01" });
    expect(await api.caller(viewer).notes.get({ targetKind: "run", targetId: runId })).toEqual({
      notes: "try lr 0.01",
    });
    const tag = await api.caller(editor).tags.add({ runId, name: "baseline", color: "#22c55e" });
    expect(await api.caller(viewer).tags.forRun({ runId })).toEqual([tag]);
    const bad = await api
      .caller(editor)
      .tags.add({ runId, name: "<img src=x>" })
      .catch((e: TRPCError) => e);
    expect((bad as TRPCError).message).toContain("no spaces");
  });

  it("filters the runs table by tag and by the caller's own stars", async () => {
    const other = (await api.caller(editor).runs.create({ config: { ...config, seed: 2 } })).id;
    await api.caller(viewer).stars.set({ runId: other, starred: true });
    const ids = async (userId: string, filter: string) =>
      (await api.caller(userId).runs.table({ filter })).rows.map((r) => r.id);
    expect(await ids(viewer, "tag = baseline")).toEqual([runId]);
    expect(await ids(viewer, "starred = true")).toEqual([other]);
    expect(await ids(editor, "starred = true")).toEqual([]);
    expect(await api.caller(viewer).stars.get({ runId: other })).toEqual({ starred: true });
  });

  it("records launches, comments, tags, stars and cancels in the activity feed", async () => {
    await api.caller(editor).runs.cancel({ runId });
    const feed = await api.caller(viewer).activity.list({ take: 100 });
    const lines = feed.items.map((i) => `${i.actorName} ${i.verb} ${i.targetKind}`);
    expect(lines).toEqual(
      expect.arrayContaining([
        "Ed Editor launched run",
        "Vera Viewer commented run",
        "Ed Editor tagged run",
        "Vera Viewer starred run",
        "Ed Editor canceled run",
      ]),
    );
    expect(lines[0]).toBe("Ed Editor canceled run");
  });
});
