/** Invite links: role, expiry, single use. The link carries a random token; only its sha-256 is stored. */
import type { Db } from "./client";
import type { WorkspaceRole } from "./members";
import { newSecretToken, sha256Hex } from "./secret-token";

export async function createInvite(
  db: Db,
  args: { workspaceId: string; createdById: string; role: WorkspaceRole; expiresInHours: number },
) {
  const token = newSecretToken("inv");
  const invite = await db.prisma.invite.create({
    data: {
      workspaceId: args.workspaceId,
      createdById: args.createdById,
      role: args.role,
      tokenHash: sha256Hex(token),
      expiresAt: new Date(Date.now() + args.expiresInHours * 3600_000),
    },
  });
  return { token, invite };
}

export async function listOpenInvites(db: Db, workspaceId: string) {
  return db.prisma.invite.findMany({
    where: { workspaceId, usedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    select: { id: true, role: true, expiresAt: true, createdAt: true },
  });
}

export async function revokeInvite(db: Db, workspaceId: string, inviteId: string): Promise<boolean> {
  const r = await db.prisma.invite.updateMany({
    where: { id: inviteId, workspaceId, usedAt: null, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return r.count > 0;
}

export type InviteProblem = "invalid" | "expired" | "used";

/**
 * What the invite page shows: the workspace and role, or why the link does not work. A link `viewerId`
 * used already (joined while signing up) is described with `joined: true` rather than as used up.
 */
export async function describeInvite(db: Db, token: string, viewerId?: string) {
  const invite = await db.prisma.invite.findUnique({
    where: { tokenHash: sha256Hex(token) },
    include: { workspace: true },
  });
  if (!invite || invite.revokedAt) return { ok: false as const, problem: "invalid" as InviteProblem };
  const joined = invite.usedAt !== null && viewerId !== undefined && invite.usedById === viewerId;
  if (invite.usedAt && !joined) return { ok: false as const, problem: "used" as InviteProblem };
  if (!joined && invite.expiresAt <= new Date())
    return { ok: false as const, problem: "expired" as InviteProblem };
  return {
    ok: true as const,
    joined,
    workspaceId: invite.workspaceId,
    workspaceName: invite.workspace.name,
    role: invite.role,
  };
}

/**
 * Uses an invite for `userId`. Marking it used is a conditional update, so two people racing on one link
 * cannot both get in. An existing member keeps the higher of the two roles.
 */
export async function acceptInvite(
  db: Db,
  token: string,
  userId: string,
): Promise<{ ok: true; workspaceId: string; role: string } | { ok: false; problem: InviteProblem }> {
  const described = await describeInvite(db, token);
  if (!described.ok) return described;
  return db.prisma.$transaction(async (tx) => {
    const used = await tx.invite.updateMany({
      where: { tokenHash: sha256Hex(token), usedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      data: { usedAt: new Date(), usedById: userId },
    });
    if (used.count === 0) return { ok: false as const, problem: "used" as InviteProblem };
    const rank = (r: string) => ["VIEWER", "EDITOR", "OWNER"].indexOf(r);
    const existing = await tx.membership.findUnique({
      where: { userId_workspaceId: { userId, workspaceId: described.workspaceId } },
    });
    if (existing && rank(existing.role) >= rank(described.role)) {
      return { ok: true as const, workspaceId: described.workspaceId, role: existing.role };
    }
    await tx.membership.upsert({
      where: { userId_workspaceId: { userId, workspaceId: described.workspaceId } },
      update: { role: described.role },
      create: { userId, workspaceId: described.workspaceId, role: described.role },
    });
    return { ok: true as const, workspaceId: described.workspaceId, role: described.role };
  });
}
