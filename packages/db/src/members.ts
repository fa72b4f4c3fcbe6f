/** Workspaces, memberships and roles: the queries behind the members page and the procedure builders. */
import { type Db, prisma } from "./client";
import type { Prisma } from "./generated/prisma/client";
import { revokeInvitesAbove } from "./invites";
import { roleRank, type WorkspaceRole } from "./roles";
import { revokeSharesBeyond } from "./saved-views";

export { roleRank, WORKSPACE_ROLES, type WorkspaceRole } from "./roles";

/**
 * What a member made in a workspace must not outlast their right to make it: invites granting more than
 * `role`, and share links `role` could not create (all of both when `role` is null: they left).
 */
async function withdrawGrants(
  tx: Prisma.TransactionClient,
  workspaceId: string,
  userId: string,
  role: WorkspaceRole | null,
) {
  await revokeInvitesAbove(tx, { workspaceId, userId, role });
  await revokeSharesBeyond(tx, { workspaceId, userId, role });
}

/** Thrown when a change would leave a workspace without an owner; the API maps it to BAD_REQUEST. */
export class LastOwnerError extends Error {
  constructor() {
    super("a workspace needs at least one owner: make someone else owner first");
  }
}

function slugify(name: string): string {
  const base =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 40) || "ws";
  return `${base}-${Math.random().toString(36).slice(2, 8)}`;
}

/** A new workspace with its default project, the creator as OWNER. */
export async function createWorkspace(db: Db, userId: string, name: string) {
  return db[prisma].workspace.create({
    data: {
      slug: slugify(name),
      name,
      memberships: { create: { userId, role: "OWNER" } },
      projects: { create: { slug: "default", name: "Default project" } },
    },
  });
}

export async function listUserWorkspaces(db: Db, userId: string) {
  const rows = await db[prisma].membership.findMany({
    where: { userId },
    include: { workspace: true },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((m) => ({
    id: m.workspaceId,
    name: m.workspace.name,
    slug: m.workspace.slug,
    role: m.role,
  }));
}

/**
 * A workspace's live projects, its default (first) one first: what the UI may switch between. MLflow
 * experiments are projects, so each one a client created shows up here.
 */
export async function listWorkspaceProjects(db: Db, workspaceId: string) {
  return db[prisma].project.findMany({
    where: { workspaceId, deletedAt: null },
    select: { id: true, name: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

export async function listMembers(db: Db, workspaceId: string) {
  const rows = await db[prisma].membership.findMany({
    where: { workspaceId },
    include: { user: true },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((m) => ({
    userId: m.userId,
    name: m.user.name,
    email: m.user.email,
    role: m.role,
    joinedAt: m.createdAt,
  }));
}

/**
 * Changes a member's role inside one transaction, refusing to demote the last owner; a demotion
 * withdraws the invites and share links the new role could not have made.
 */
export async function setMemberRole(db: Db, workspaceId: string, userId: string, role: WorkspaceRole) {
  return db[prisma].$transaction(async (tx) => {
    const m = await tx.membership.findUnique({ where: { userId_workspaceId: { userId, workspaceId } } });
    if (!m) return null;
    if (m.role === "OWNER" && role !== "OWNER") {
      const owners = await tx.membership.count({ where: { workspaceId, role: "OWNER" } });
      if (owners <= 1) throw new LastOwnerError();
    }
    if (roleRank(role) < roleRank(m.role)) await withdrawGrants(tx, workspaceId, userId, role);
    return tx.membership.update({ where: { id: m.id }, data: { role } });
  });
}

/**
 * Removes a member (their runs stay: they belong to the project), refusing to remove the last owner.
 * Their open invites and working share links in the workspace are revoked with them.
 */
export async function removeMember(db: Db, workspaceId: string, userId: string): Promise<boolean> {
  return db[prisma].$transaction(async (tx) => {
    const m = await tx.membership.findUnique({ where: { userId_workspaceId: { userId, workspaceId } } });
    if (!m) return false;
    if (m.role === "OWNER") {
      const owners = await tx.membership.count({ where: { workspaceId, role: "OWNER" } });
      if (owners <= 1) throw new LastOwnerError();
    }
    await withdrawGrants(tx, workspaceId, userId, null);
    await tx.membership.delete({ where: { id: m.id } });
    return true;
  });
}
