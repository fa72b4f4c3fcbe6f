import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "./client";
import { targetExists } from "./comments";
import { createWorkspace } from "./members";
import {
  createSavedView,
  createViewShare,
  deleteSavedView,
  getSavedView,
  listSavedViews,
  resolveViewShare,
  revokeViewShares,
  updateSavedView,
} from "./saved-views";
import { testDbForSuite } from "./test-db";
import { ensureLocalWorkspace } from "./workspace";

describe("saved views", () => {
  const t = testDbForSuite();
  let userId: string;
  beforeAll(async () => {
    userId = (await ensureLocalWorkspace(t.db)).userId;
  });

  const input = { title: "ReLU vs GELU", body: "**GELU** wins", state: "runs=a,b&key=val%2Facc" };

  it("creates, lists, updates and deletes a view within its project", async () => {
    const view = await createSavedView(t.db, { ...input, projectId: t.projectId, createdById: userId });
    expect(view).toMatchObject({ title: "ReLU vs GELU", shared: false, createdById: userId });
    expect((await listSavedViews(t.db, t.projectId)).map((v) => v.id)).toContain(view.id);
    expect(await updateSavedView(t.db, t.projectId, view.id, { title: "renamed" })).toBe(true);
    expect((await getSavedView(t.db, t.projectId, view.id))?.title).toBe("renamed");
    expect(await deleteSavedView(t.db, t.projectId, view.id)).toBe(true);
    expect(await getSavedView(t.db, t.projectId, view.id)).toBeNull();
  });

  it("treats a view of another project as missing", async () => {
    const view = await createSavedView(t.db, { ...input, projectId: t.projectId, createdById: userId });
    const ws = await createWorkspace(t.db, userId, "Other");
    const other = await t.db[prisma].project.findFirstOrThrow({ where: { workspaceId: ws.id } });
    expect(await getSavedView(t.db, other.id, view.id)).toBeNull();
    expect(await targetExists(t.db, t.projectId, "view", view.id)).toBe(true);
    expect(await targetExists(t.db, other.id, "view", view.id)).toBe(false);
    expect(await updateSavedView(t.db, other.id, view.id, { title: "x" })).toBe(false);
    expect(await deleteSavedView(t.db, other.id, view.id)).toBe(false);
  });

  it("opens a view by its share token until the link is revoked, and stores only the hash", async () => {
    const view = await createSavedView(t.db, { ...input, projectId: t.projectId, createdById: userId });
    const { token } = await createViewShare(t.db, view.id, userId);
    const stored = await t.db[prisma].viewShare.findMany({ where: { viewId: view.id } });
    expect(stored.map((s) => s.tokenHash)).not.toContain(token);
    expect(await resolveViewShare(t.db, token)).toMatchObject({
      ok: true,
      view: { id: view.id, shared: true },
    });
    expect(await revokeViewShares(t.db, view.id)).toBe(1);
    expect(await resolveViewShare(t.db, token)).toEqual({ ok: false, problem: "revoked" });
    expect(await resolveViewShare(t.db, "share_unknown")).toEqual({ ok: false, problem: "invalid" });
  });

  it("revokes the previous link when a new one is created", async () => {
    const view = await createSavedView(t.db, { ...input, projectId: t.projectId, createdById: userId });
    const first = await createViewShare(t.db, view.id, userId);
    const second = await createViewShare(t.db, view.id, userId);
    expect(await resolveViewShare(t.db, first.token)).toEqual({ ok: false, problem: "revoked" });
    expect((await resolveViewShare(t.db, second.token)).ok).toBe(true);
  });
});
