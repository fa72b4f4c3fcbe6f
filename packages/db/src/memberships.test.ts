import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "./client";
import { createWorkspace } from "./members";
import { findMembership, findRunMembership } from "./memberships";
import { openTestDb, type TestDb } from "./test-db";

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(() => t.close());

describe("the membership rule", () => {
  it("gives a run the membership findMembership gives its project, and none to a non-member", async () => {
    const runId = await t.newRun();
    const owner = await t.db[prisma].membership.findFirstOrThrow({
      where: { workspace: { projects: { some: { id: t.projectId } } } },
    });
    const byProject = await findMembership(t.db, owner.userId, { projectId: t.projectId });
    expect(await findRunMembership(t.db, owner.userId, runId)).toEqual({
      workspaceId: byProject?.workspaceId,
      role: byProject?.role,
      defaultProjectId: byProject?.workspace.projects[0]?.id,
      projectId: t.projectId,
      runDeleted: false,
    });

    const stranger = await t.db[prisma].user.create({ data: { name: "Eve", email: "eve@example.com" } });
    await createWorkspace(t.db, stranger.id, "Eve's");
    expect(await findMembership(t.db, stranger.id, { projectId: t.projectId })).toBeNull();
    expect(await findRunMembership(t.db, stranger.id, runId)).toBeNull();
  });

  it("falls back from a preferred workspace the caller is not in to their first", async () => {
    const user = await t.db[prisma].user.create({ data: { name: "Bo", email: "bo@example.com" } });
    const first = await createWorkspace(t.db, user.id, "Bo's first");
    await createWorkspace(t.db, user.id, "Bo's second");
    const picked = await findMembership(t.db, user.id, { preferredWorkspaceId: "no-such-workspace" });
    expect(picked?.workspaceId).toBe(first.id);
    expect(await findMembership(t.db, user.id, { workspaceId: "no-such-workspace" })).toBeNull();
  });
});
