/**
 * Saved comparisons with a markdown report, and their public read-only share links. A share
 * link carries a random token; only its sha-256 is stored, and revoked rows stay so the share page can
 * say "revoked" instead of "unknown".
 */
import { type Db, prisma } from "./client";
import type { Prisma } from "./generated/prisma/client";
import { roleRank, type WorkspaceRole } from "./roles";
import { newSecretToken, sha256Hex } from "./secret-token";

export type SavedViewInput = { title: string; body: string; state: string };

export type SavedViewSummary = {
  id: string;
  projectId: string;
  title: string;
  body: string;
  state: string;
  createdById: string;
  createdByName: string;
  createdAt: Date;
  updatedAt: Date;
  /** Whether a public link currently works. */
  shared: boolean;
};

const include = {
  createdBy: { select: { name: true } },
  shares: { where: { revokedAt: null }, select: { id: true } },
} as const;

/** A view as the database returns it with `include`: the summary's fields, author and live links unfolded. */
type Row = Omit<SavedViewSummary, "createdByName" | "shared"> & {
  createdBy: { name: string };
  shares: { id: string }[];
};

function toSummary(r: Row): SavedViewSummary {
  const { createdBy, shares, ...rest } = r;
  return { ...rest, createdByName: createdBy.name, shared: shares.length > 0 };
}

export async function createSavedView(
  db: Db,
  args: SavedViewInput & { projectId: string; createdById: string },
): Promise<SavedViewSummary> {
  return toSummary(await db[prisma].savedView.create({ data: args, include }));
}

/** The project's views, newest first. */
export async function listSavedViews(db: Db, projectId: string): Promise<SavedViewSummary[]> {
  const rows = await db[prisma].savedView.findMany({
    where: { projectId },
    include,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return rows.map(toSummary);
}

/** A view of this project, or null: an id from another project reads as missing. */
export async function getSavedView(db: Db, projectId: string, id: string): Promise<SavedViewSummary | null> {
  const row = await db[prisma].savedView.findFirst({ where: { id, projectId }, include });
  return row ? toSummary(row) : null;
}

export async function updateSavedView(
  db: Db,
  projectId: string,
  id: string,
  patch: Partial<SavedViewInput>,
): Promise<boolean> {
  const r = await db[prisma].savedView.updateMany({ where: { id, projectId }, data: patch });
  return r.count > 0;
}

export async function deleteSavedView(db: Db, projectId: string, id: string): Promise<boolean> {
  const r = await db[prisma].savedView.deleteMany({ where: { id, projectId } });
  return r.count > 0;
}

/** A new public link for a view; any earlier link is revoked, so a view has at most one that works. */
export async function createViewShare(
  db: Db,
  viewId: string,
  createdById: string,
): Promise<{ token: string }> {
  const token = newSecretToken("share");
  await db[prisma].$transaction([
    db[prisma].viewShare.updateMany({ where: { viewId, revokedAt: null }, data: { revokedAt: new Date() } }),
    db[prisma].viewShare.create({ data: { viewId, createdById, tokenHash: sha256Hex(token) } }),
  ]);
  return { token };
}

/** Revokes every working link of a view; returns how many stopped working. */
export async function revokeViewShares(db: Db, viewId: string): Promise<number> {
  const r = await db[prisma].viewShare.updateMany({
    where: { viewId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return r.count;
}

/**
 * Revokes the working links `userId` made in a workspace that `role` could not make: sharing one's own
 * view needs EDITOR, anyone else's OWNER (the views router's rule). `role` null: they left, so all.
 */
export async function revokeSharesBeyond(
  tx: Prisma.TransactionClient,
  { workspaceId, userId, role }: { workspaceId: string; userId: string; role: WorkspaceRole | null },
): Promise<number> {
  const rank = role === null ? -1 : roleRank(role);
  if (rank >= roleRank("OWNER")) return 0;
  const ownViewsStay = rank >= roleRank("EDITOR");
  const r = await tx.viewShare.updateMany({
    where: {
      createdById: userId,
      revokedAt: null,
      view: { project: { workspaceId }, ...(ownViewsStay ? { createdById: { not: userId } } : {}) },
    },
    data: { revokedAt: new Date() },
  });
  return r.count;
}

export type ShareProblem = "invalid" | "revoked";

/** The view a share token opens, or why it does not: checked on every request, so revoking works at once. */
export async function resolveViewShare(
  db: Db,
  token: string,
): Promise<{ ok: true; view: SavedViewSummary } | { ok: false; problem: ShareProblem }> {
  const share = await db[prisma].viewShare.findUnique({
    where: { tokenHash: sha256Hex(token) },
    include: { view: { include } },
  });
  if (!share) return { ok: false, problem: "invalid" };
  if (share.revokedAt) return { ok: false, problem: "revoked" };
  return { ok: true, view: toSummary(share.view) };
}
