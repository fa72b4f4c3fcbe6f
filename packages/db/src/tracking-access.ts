/** Who may touch which MLflow experiment or run: the caller's membership of the workspace that holds it. */
import type Database from "better-sqlite3";
import type { Db } from "./client";

export type TrackingMembership = {
  workspaceId: string;
  role: string;
  /** The workspace's first project: MLflow's default experiment "0". */
  defaultProjectId: string | null;
};

async function membership(db: Db, userId: string, where: object): Promise<TrackingMembership | null> {
  const m = await db.prisma.membership.findFirst({
    where: { userId, ...where },
    orderBy: { createdAt: "asc" },
    include: { workspace: { include: { projects: { orderBy: { createdAt: "asc" }, take: 1 } } } },
  });
  if (!m) return null;
  return { workspaceId: m.workspaceId, role: m.role, defaultProjectId: m.workspace.projects[0]?.id ?? null };
}

/** The membership a call without an id acts in: the picked workspace if still a member, else the first. */
export async function trackingWorkspaceMembership(
  db: Db,
  userId: string,
  preferredWorkspaceId: string | null,
): Promise<TrackingMembership | null> {
  if (preferredWorkspaceId) {
    const picked = await membership(db, userId, { workspaceId: preferredWorkspaceId });
    if (picked) return picked;
  }
  return membership(db, userId, {});
}

/** The caller's membership of the workspace holding the project; null when not a member (or no such project). */
export async function trackingProjectMembership(db: Db, userId: string, projectId: string) {
  return membership(db, userId, { workspace: { projects: { some: { id: projectId } } } });
}

/**
 * Every MLflow write names a run: its access check is one prepared statement (run → project → the
 * caller's membership, plus the workspace's first project), not several ORM round trips per metric call.
 */
const RUN_MEMBERSHIP_SQL = `
  SELECT r."projectId", r."deletedAt", m."workspaceId", m."role",
    (SELECT d."id" FROM "Project" d WHERE d."workspaceId" = m."workspaceId"
      ORDER BY d."createdAt" ASC LIMIT 1) AS "defaultProjectId"
  FROM "Run" r
  JOIN "Project" p ON p."id" = r."projectId"
  JOIN "Membership" m ON m."workspaceId" = p."workspaceId" AND m."userId" = ?
  WHERE r."id" = ?`;

type RunMembershipRow = {
  projectId: string;
  deletedAt: string | null;
  workspaceId: string;
  role: string;
  defaultProjectId: string | null;
};

const statements = new WeakMap<Db, Database.Statement<[string, string], RunMembershipRow>>();

/** The caller's membership of the workspace holding the run, with the run's project; null when none. */
export async function trackingRunMembership(
  db: Db,
  userId: string,
  runId: string,
): Promise<(TrackingMembership & { projectId: string; runDeleted: boolean }) | null> {
  let statement = statements.get(db);
  if (!statement) {
    statement = db.sqlite.prepare<[string, string], RunMembershipRow>(RUN_MEMBERSHIP_SQL);
    statements.set(db, statement);
  }
  const row = statement.get(userId, runId);
  if (!row) return null;
  return {
    workspaceId: row.workspaceId,
    role: row.role,
    defaultProjectId: row.defaultProjectId,
    projectId: row.projectId,
    runDeleted: row.deletedAt !== null,
  };
}
