/**
 * The one membership rule, for the API's procedure builders and the MLflow routes alike: a caller acts
 * in their membership of the workspace that holds what they name. The workspace's projects come oldest
 * first; the first is its default project (MLflow's experiment "0").
 */
import { type Db, prisma, rawSql } from "./client";

/** What a call names, most specific first: a project, else a workspace, else the one picked in the UI. */
export type MembershipScope = {
  projectId?: string;
  workspaceId?: string;
  preferredWorkspaceId?: string | null;
};

const withProjects = { workspace: { include: { projects: { orderBy: { createdAt: "asc" as const } } } } };

/**
 * The caller's membership of the workspace holding `projectId`, else of `workspaceId`, else of the
 * preferred workspace, else their first. A preferred workspace the caller left falls back to the first,
 * so a stale pick never locks anyone out; a named project or workspace never falls back.
 */
export async function findMembership(db: Db, userId: string, scope: MembershipScope) {
  const find = (where: object) =>
    db[prisma].membership.findFirst({
      where: { userId, ...where },
      include: withProjects,
      orderBy: { createdAt: "asc" },
    });
  if (scope.projectId) return find({ workspace: { projects: { some: { id: scope.projectId } } } });
  if (scope.workspaceId) return find({ workspaceId: scope.workspaceId });
  if (scope.preferredWorkspaceId) {
    const picked = await find({ workspaceId: scope.preferredWorkspaceId });
    if (picked) return picked;
  }
  return find({});
}

export type Membership = NonNullable<Awaited<ReturnType<typeof findMembership>>>;

/**
 * The same rule for a run, as one prepared statement (run → project → the caller's membership, plus the
 * workspace's first project): every MLflow write names a run, and this costs no ORM round trips per
 * metric call. memberships.test.ts holds it equal to `findMembership` of the run's project.
 */
const RUN_MEMBERSHIP_SQL = `
  SELECT r."projectId", r."deletedAt", m."workspaceId", m."role",
    (SELECT d."id" FROM "Project" d WHERE d."workspaceId" = m."workspaceId"
      ORDER BY d."createdAt" ASC LIMIT 1) AS "defaultProjectId"
  FROM "Run" r
  JOIN "Project" p ON p."id" = r."projectId"
  JOIN "Membership" m ON m."workspaceId" = p."workspaceId" AND m."userId" = ?
  WHERE r."id" = ?`;

export type RunMembership = {
  workspaceId: string;
  role: string;
  defaultProjectId: string | null;
  projectId: string;
  runDeleted: boolean;
};

type RunMembershipRow = Omit<RunMembership, "runDeleted"> & { deletedAt: string | Date | null };

/** The caller's membership of the workspace holding the run, with the run's project; null when none. */
export async function findRunMembership(
  db: Db,
  userId: string,
  runId: string,
): Promise<RunMembership | null> {
  const row = await db[rawSql].get<RunMembershipRow>(RUN_MEMBERSHIP_SQL, [userId, runId]);
  if (!row) return null;
  return {
    workspaceId: row.workspaceId,
    role: row.role,
    defaultProjectId: row.defaultProjectId,
    projectId: row.projectId,
    runDeleted: row.deletedAt !== null,
  };
}
