/** Who may touch which MLflow experiment or run: the caller's membership of the workspace that holds it. */
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

/** The caller's membership of the workspace holding the run, with the run's project; null when none. */
export async function trackingRunMembership(db: Db, userId: string, runId: string) {
  const run = await db.prisma.run.findUnique({ where: { id: runId }, select: { projectId: true } });
  if (!run) return null;
  const m = await trackingProjectMembership(db, userId, run.projectId);
  return m ? { ...m, projectId: run.projectId } : null;
}
