/** Who may touch which MLflow experiment or run: the membership rule of memberships.ts, in MLflow's terms. */
import type { Db } from "./client";
import { findMembership, findRunMembership, type Membership, type RunMembership } from "./memberships";

export type TrackingMembership = {
  workspaceId: string;
  role: string;
  /** The workspace's first project: MLflow's default experiment "0". */
  defaultProjectId: string | null;
};

function tracking(m: Membership | null): TrackingMembership | null {
  if (!m) return null;
  return { workspaceId: m.workspaceId, role: m.role, defaultProjectId: m.workspace.projects[0]?.id ?? null };
}

/** The membership a call without an id acts in: the picked workspace if still a member, else the first. */
export async function trackingWorkspaceMembership(
  db: Db,
  userId: string,
  preferredWorkspaceId: string | null,
): Promise<TrackingMembership | null> {
  return tracking(await findMembership(db, userId, { preferredWorkspaceId }));
}

/** The caller's membership of the workspace holding the project; null when not a member (or no such project). */
export async function trackingProjectMembership(
  db: Db,
  userId: string,
  projectId: string,
): Promise<TrackingMembership | null> {
  // An empty id names no project (findMembership would read it as "no project named").
  if (!projectId) return null;
  return tracking(await findMembership(db, userId, { projectId }));
}

/** The caller's membership of the workspace holding the run, with the run's project; null when none. */
export async function trackingRunMembership(
  db: Db,
  userId: string,
  runId: string,
): Promise<RunMembership | null> {
  return findRunMembership(db, userId, runId);
}
