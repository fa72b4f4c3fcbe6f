/** Members, roles and invite links, through the real procedures on a real database. */
import { sha256Hex } from "@actlab/db";
import { prismaForTests } from "@actlab/db/testing";
import { describe, expect, it } from "vitest";
import { SMALL_MOONS_RUN as config, testApiForSuite } from "../test-api";

const api = testApiForSuite();

function tokenOf(path: string): string {
  return path.replace("/invite/", "");
}

describe("invite links", () => {
  it("adds the invitee with the invite's role, once, and stores only a hash", async () => {
    const { path } = await api.caller().workspaces.createInvite({ role: "VIEWER" });
    const token = tokenOf(path);
    const rows = await prismaForTests(api.db).invite.findMany();
    expect(rows.some((r) => r.tokenHash === sha256Hex(token))).toBe(true);
    expect(JSON.stringify(rows)).not.toContain(token);

    const vera = await api.addUser("Vera Viewer");
    expect(await api.caller(vera).workspaces.describeInvite({ token })).toMatchObject({
      ok: true,
      role: "VIEWER",
    });
    expect(await api.caller(vera).workspaces.acceptInvite({ token })).toMatchObject({
      ok: true,
      role: "VIEWER",
    });
    const members = await api.caller(vera).workspaces.members({});
    expect(members.members.find((m) => m.userId === vera)?.role).toBe("VIEWER");

    const late = await api.addUser("Late Larry");
    await expect(api.caller(late).workspaces.acceptInvite({ token })).rejects.toThrow(/already been used/);
  });

  it("refuses an expired or revoked invite", async () => {
    const { path } = await api.caller().workspaces.createInvite({ role: "EDITOR", expiresInHours: 1 });
    await prismaForTests(api.db).invite.updateMany({
      where: { tokenHash: sha256Hex(tokenOf(path)) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const ed = await api.addUser("Ed Expired");
    await expect(api.caller(ed).workspaces.acceptInvite({ token: tokenOf(path) })).rejects.toThrow(/expired/);

    const second = await api.caller().workspaces.createInvite({ role: "EDITOR" });
    await api.caller().workspaces.revokeInvite({ inviteId: second.id });
    await expect(api.caller(ed).workspaces.acceptInvite({ token: tokenOf(second.path) })).rejects.toThrow(
      /not valid/,
    );
  });
});

describe("roles", () => {
  it("lets editors launch and refuses viewers, before the handler runs", async () => {
    const viewer = await api.addUserAs("V", "VIEWER");
    const editor = await api.addUserAs("E", "EDITOR");
    await expect(api.caller(viewer).runs.create({ config })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const { id } = await api.caller(editor).runs.create({ config });
    expect((await api.caller(viewer).runs.get({ runId: id })).run.id).toBe(id);
    await expect(api.caller(viewer).runs.cancel({ runId: id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("never leaves a workspace without an owner", async () => {
    await expect(api.caller().workspaces.setRole({ userId: api.userId, role: "EDITOR" })).rejects.toThrow(
      /at least one owner/,
    );
    await expect(api.caller().workspaces.removeMember({ userId: api.userId })).rejects.toThrow(
      /at least one owner/,
    );
    const co = await api.addUserAs("Co Owner", "EDITOR");
    await api.caller().workspaces.setRole({ userId: co, role: "OWNER" });
    // With a second owner, the first may step down.
    await api.caller(co).workspaces.setRole({ userId: api.userId, role: "EDITOR" });
    await api.caller(co).workspaces.setRole({ userId: api.userId, role: "OWNER" });
  });

  it("removes a member, who then cannot see the workspace any more", async () => {
    const gone = await api.addUserAs("Gone Gina", "EDITOR");
    expect((await api.caller(gone).runs.list({})).length).toBeGreaterThanOrEqual(0);
    await expect(api.caller(gone).workspaces.removeMember({ userId: api.userId })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await api.caller().workspaces.removeMember({ userId: gone });
    await expect(api.caller(gone).runs.list({})).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("switching workspace", () => {
  it("uses the picked workspace when the user is a member, and the first one otherwise", async () => {
    const pat = await api.addUserAs("Pat Two Places", "VIEWER");
    const own = await api.caller(pat).workspaces.create({ name: "Pat's lab" });
    const inOwn = await api.caller(pat, own.id).workspaces.members({});
    expect(inOwn.workspaceId).toBe(own.id);
    expect(inOwn.myRole).toBe("OWNER");
    const { id } = await api.caller(pat, own.id).runs.create({ config });
    const run = await prismaForTests(api.db).run.findUniqueOrThrow({ where: { id } });
    expect(run.projectId).not.toBe(api.projectId);
    // A workspace Pat is not in (a forged or stale cookie) falls back to the first membership.
    const stranger = await api.addWorkspace(await api.addUser("S"), "elsewhere");
    const fallback = await api.caller(pat, stranger.workspaceId).workspaces.members({});
    expect(fallback.workspaceId).toBe(api.workspaceId);
    expect((await api.caller(pat, stranger.workspaceId).workspaces.me()).current?.id).toBe(api.workspaceId);
  });
});
