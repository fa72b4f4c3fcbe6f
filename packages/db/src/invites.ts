/** Invite links: role, expiry, single use. The link carries a random token; only its sha-256 is stored. */
import { type Db, prisma } from "./client";
import type { Prisma } from "./generated/prisma/client";
import { roleRank, WORKSPACE_ROLES, type WorkspaceRole } from "./roles";
import { newSecretToken, sha256Hex } from "./secret-token";

type Client = Db[typeof prisma] | Prisma.TransactionClient;

export async function createInvite(
  db: Db,
  args: { workspaceId: string; createdById: string; role: WorkspaceRole; expiresInHours: number },
) {
  const token = newSecretToken("inv");
  const invite = await db[prisma].invite.create({
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
  return db[prisma].invite.findMany({
    where: { workspaceId, usedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    select: { id: true, role: true, expiresAt: true, createdAt: true },
  });
}

export async function revokeInvite(db: Db, workspaceId: string, inviteId: string): Promise<boolean> {
  const r = await db[prisma].invite.updateMany({
    where: { id: inviteId, workspaceId, usedAt: null, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return r.count > 0;
}

/** Revokes the open invites `userId` made in a workspace that grant more than `role` (all when null). */
export async function revokeInvitesAbove(
  tx: Prisma.TransactionClient,
  { workspaceId, userId, role }: { workspaceId: string; userId: string; role: WorkspaceRole | null },
): Promise<number> {
  const above = WORKSPACE_ROLES.filter((r) => role === null || roleRank(r) > roleRank(role));
  const r = await tx.invite.updateMany({
    where: { workspaceId, createdById: userId, role: { in: above }, usedAt: null, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return r.count;
}

/** "withdrawn": whoever made the link no longer holds a role as high as the one it grants. */
export type InviteProblem = "invalid" | "expired" | "used" | "withdrawn";
type InviteCheck =
  | {
      ok: true;
      invite: { id: string; workspaceId: string; role: string };
      joined: boolean;
      workspaceName: string;
    }
  | { ok: false; problem: InviteProblem };

/** Its creator still holds at least the role it grants, now: an invite is only as good as its maker. */
async function creatorCanGrant(
  client: Client,
  invite: { createdById: string; workspaceId: string; role: string },
) {
  const creator = await client.membership.findUnique({
    where: { userId_workspaceId: { userId: invite.createdById, workspaceId: invite.workspaceId } },
  });
  return creator !== null && roleRank(creator.role) >= roleRank(invite.role);
}

/** Whether a link works now; one `viewerId` used already (joined while signing up) reads as `joined`. */
async function checkInvite(client: Client, token: string, viewerId?: string): Promise<InviteCheck> {
  const invite = await client.invite.findUnique({
    where: { tokenHash: sha256Hex(token) },
    include: { workspace: true },
  });
  if (!invite || invite.revokedAt) return { ok: false, problem: "invalid" };
  const joined = invite.usedAt !== null && viewerId !== undefined && invite.usedById === viewerId;
  if (joined) return { ok: true, invite, joined, workspaceName: invite.workspace.name };
  if (invite.usedAt) return { ok: false, problem: "used" };
  if (invite.expiresAt <= new Date()) return { ok: false, problem: "expired" };
  if (!(await creatorCanGrant(client, invite))) return { ok: false, problem: "withdrawn" };
  return { ok: true, invite, joined, workspaceName: invite.workspace.name };
}

/** What the invite page shows: the workspace and role, or why the link does not work. */
export async function describeInvite(db: Db, token: string, viewerId?: string) {
  const c = await checkInvite(db[prisma], token, viewerId);
  if (!c.ok) return c;
  return {
    ok: true as const,
    joined: c.joined,
    workspaceId: c.invite.workspaceId,
    workspaceName: c.workspaceName,
    role: c.invite.role,
  };
}

/**
 * Marks a working invite used, if nobody did first: a conditional update, so of any number of people
 * racing on one link exactly one gets `ok`. Runs inside the caller's transaction.
 */
async function takeInvite(tx: Prisma.TransactionClient, token: string, userId: string | null) {
  const c = await checkInvite(tx, token);
  if (!c.ok) return c;
  const used = await tx.invite.updateMany({
    where: { id: c.invite.id, usedAt: null, revokedAt: null },
    data: { usedAt: new Date(), usedById: userId },
  });
  if (used.count === 0) return { ok: false as const, problem: "used" as InviteProblem };
  return c;
}

/** Gives `userId` the invite's role; an existing member keeps the higher of the two. */
async function joinWithRole(tx: Prisma.TransactionClient, userId: string, workspaceId: string, role: string) {
  const existing = await tx.membership.findUnique({ where: { userId_workspaceId: { userId, workspaceId } } });
  if (existing && roleRank(existing.role) >= roleRank(role))
    return { ok: true as const, workspaceId, role: existing.role };
  await tx.membership.upsert({
    where: { userId_workspaceId: { userId, workspaceId } },
    update: { role },
    create: { userId, workspaceId, role },
  });
  return { ok: true as const, workspaceId, role };
}

/** A signed-in user accepts an invite: the link is used up and they join, in one transaction. */
export async function acceptInvite(
  db: Db,
  token: string,
  userId: string,
): Promise<{ ok: true; workspaceId: string; role: string } | { ok: false; problem: InviteProblem }> {
  return db[prisma].$transaction(async (tx) => {
    const taken = await takeInvite(tx, token, userId);
    if (!taken.ok) return taken;
    return joinWithRole(tx, userId, taken.invite.workspaceId, taken.invite.role);
  });
}

/**
 * Sign-up through a link, step one: the link is used up before the account exists (no one owns it
 * yet), so parallel sign-ups with one link create one account. Returns the claimed invite's id.
 */
export async function claimInviteForSignUp(
  db: Db,
  token: string,
): Promise<{ ok: true; inviteId: string } | { ok: false; problem: InviteProblem }> {
  return db[prisma].$transaction(async (tx) => {
    const taken = await takeInvite(tx, token, null);
    return taken.ok ? { ok: true as const, inviteId: taken.invite.id } : taken;
  });
}

/**
 * Step two, once the account exists: it owns the claim and joins, unless the creator lost the right to
 * grant the role in between (the account then stays, without that workspace).
 */
export async function joinClaimedInvite(db: Db, inviteId: string, userId: string): Promise<boolean> {
  return db[prisma].$transaction(async (tx) => {
    const invite = await tx.invite.findUnique({ where: { id: inviteId } });
    if (!invite || invite.usedById !== null || invite.revokedAt) return false;
    await tx.invite.update({ where: { id: inviteId }, data: { usedById: userId } });
    if (!(await creatorCanGrant(tx, invite))) return false;
    await joinWithRole(tx, userId, invite.workspaceId, invite.role);
    return true;
  });
}

/** The account could not be created (taken e-mail, weak password): the link works again. */
export async function releaseInviteClaim(db: Db, inviteId: string): Promise<void> {
  await db[prisma].invite.updateMany({
    where: { id: inviteId, usedById: null, usedAt: { not: null } },
    data: { usedAt: null },
  });
}
