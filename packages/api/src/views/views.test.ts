import { appendMetrics, listActivity } from "@actlab/db";
import { beforeAll, describe, expect, it } from "vitest";
import { trpcCodeOf as codeOf, SMALL_MOONS_RUN as config, testApiForSuite } from "../test-api";

describe("saved views and share links", () => {
  const api = testApiForSuite();
  let viewer: string;
  let editor: string;
  let otherEditor: string;
  let runs: string[];
  beforeAll(async () => {
    viewer = await api.addUserAs("Vera Viewer", "VIEWER");
    editor = await api.addUserAs("Ed Editor", "EDITOR");
    otherEditor = await api.addUserAs("Olga Editor", "EDITOR");
    runs = [];
    for (let i = 0; i < 3; i++) {
      const { id } = await api.caller().runs.create({ config });
      await appendMetrics(api.db, id, [
        { key: "val/acc", step: 1, value: 0.5 + i / 10, wallMs: 1 },
        { key: "val/acc", step: 2, value: 0.6 + i / 10, wallMs: 2 },
      ]);
      runs.push(id);
    }
  }, 60_000);

  const state = () => `runs=${runs[0]},${runs[1]}&key=val%2Facc&x=step&group=none`;

  it("lets an editor save a view that every member reads, and records it in the feed", async () => {
    const view = await api
      .caller(editor)
      .views.create({ title: " Two runs ", body: "# Findings", state: state() });
    expect(view).toMatchObject({
      title: "Two runs",
      body: "# Findings",
      createdByName: "Ed Editor",
      canManage: true,
    });
    const seen = await api.caller(viewer).views.get({ viewId: view.id });
    expect(seen).toMatchObject({ title: "Two runs", canManage: false });
    expect((await api.caller(viewer).views.list({})).map((v) => v.id)).toContain(view.id);
    const feed = await listActivity(api.db, api.projectId, { take: 5 });
    expect(feed.items[0]).toMatchObject({ verb: "saved a view", targetKind: "view", targetId: view.id });
  });

  it("refuses a viewer's save and a state without runs, with a clear message", async () => {
    expect(await codeOf(api.caller(viewer).views.create({ title: "x", state: state() }))).toBe("FORBIDDEN");
    await expect(api.caller(editor).views.create({ title: "x", state: "key=val%2Facc" })).rejects.toThrow(
      /a view compares at least one run/,
    );
    await expect(api.caller(editor).views.create({ title: "  ", state: state() })).rejects.toThrow(
      /give the view a title/,
    );
  });

  it("lets only the creator or an owner edit and delete a view", async () => {
    const view = await api.caller(editor).views.create({ title: "mine", state: state() });
    expect(await codeOf(api.caller(otherEditor).views.update({ viewId: view.id, title: "theirs" }))).toBe(
      "FORBIDDEN",
    );
    expect(await codeOf(api.caller(otherEditor).views.remove({ viewId: view.id }))).toBe("FORBIDDEN");
    expect((await api.caller(editor).views.update({ viewId: view.id, body: "edited" })).body).toBe("edited");
    expect((await api.caller().views.update({ viewId: view.id, title: "by owner" })).title).toBe("by owner");
    expect(await api.caller().views.remove({ viewId: view.id })).toEqual({ deleted: true });
    expect(await codeOf(api.caller(viewer).views.get({ viewId: view.id }))).toBe("NOT_FOUND");
  });

  it("hides a view from another workspace, even by id", async () => {
    const view = await api.caller(editor).views.create({ title: "private", state: state() });
    const stranger = await api.addUser("Stranger");
    const foreign = await api.addWorkspace(stranger, "Elsewhere");
    expect(
      await codeOf(api.caller(stranger).views.get({ viewId: view.id, projectId: foreign.projectId })),
    ).toBe("NOT_FOUND");
    expect(await codeOf(api.caller(stranger).views.get({ viewId: view.id, projectId: api.projectId }))).toBe(
      "NOT_FOUND",
    );
    expect(await api.caller(stranger).views.list({ projectId: foreign.projectId })).toEqual([]);
  });

  it("lets a viewer comment on a view, and refuses a view of another workspace as a target", async () => {
    const view = await api.caller(editor).views.create({ title: "discuss", state: state() });
    await api.caller(viewer).comments.add({ targetKind: "view", targetId: view.id, body: "nice **find**" });
    const thread = await api.caller(editor).comments.list({ targetKind: "view", targetId: view.id });
    expect(thread.map((c) => c.body)).toEqual(["nice **find**"]);
    const stranger = await api.addUser("Nosy");
    const foreign = await api.addWorkspace(stranger, "Nosy's");
    expect(
      await codeOf(
        api.caller(stranger).comments.add({
          targetKind: "view",
          targetId: view.id,
          body: "hi",
          projectId: foreign.projectId,
        }),
      ),
    ).toBe("NOT_FOUND");
  });

  it("serves the report and only the view's runs to an anonymous holder of the link", async () => {
    const view = await api
      .caller(editor)
      .views.create({ title: "public", body: "see **this**", state: state() });
    expect(await codeOf(api.caller(otherEditor).views.share({ viewId: view.id }))).toBe("FORBIDDEN");
    const { token } = await api.caller(editor).views.share({ viewId: view.id });
    const anonymous = api.caller(null);
    expect(await anonymous.share.view({ token })).toMatchObject({ title: "public", body: "see **this**" });
    const shared = await anonymous.share.compare({ token, buckets: 400 });
    expect(shared.runs.map((r) => r.id).sort()).toEqual([runs[0], runs[1]].sort());
    expect(new Set(shared.series.map((s) => s.runId))).not.toContain(runs[2]);
    // Exactly the compare page's payload for the same runs.
    const direct = await api
      .caller()
      .runs.compare({ runIds: [runs[0] as string, runs[1] as string], keys: ["val/acc"], buckets: 400 });
    expect(shared.series).toEqual(direct.series);
    const feed = await listActivity(api.db, api.projectId, { take: 1 });
    expect(feed.items[0]).toMatchObject({ verb: "shared", targetId: view.id });
  });

  it("stops a revoked link at once and says it was revoked", async () => {
    const view = await api.caller(editor).views.create({ title: "soon gone", state: state() });
    const { token } = await api.caller().views.share({ viewId: view.id }); // an owner may share any view
    const anonymous = api.caller(null);
    expect((await anonymous.share.view({ token })).title).toBe("soon gone");
    expect(await api.caller(editor).views.revokeShare({ viewId: view.id })).toEqual({ revoked: 1 });
    await expect(anonymous.share.view({ token })).rejects.toThrow("this link was revoked");
    await expect(anonymous.share.compare({ token, buckets: 400 })).rejects.toThrow("this link was revoked");
    await expect(anonymous.share.view({ token: "share_made_up" })).rejects.toThrow(
      "this link does not exist",
    );
    expect((await api.caller(viewer).views.get({ viewId: view.id })).shared).toBe(false);
  });
});
