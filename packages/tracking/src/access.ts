/**
 * Who an MLflow call acts as and what it may touch, with the same accounts, tokens and roles as the
 * web UI: `Authorization: Bearer <token>`, HTTP Basic with the token as password (what
 * MLFLOW_TRACKING_USERNAME/PASSWORD send), local mode, or the browser's session. Anything outside the
 * caller's workspaces reads as "does not exist".
 */
import { type RequestAuth, ROLES, type Role, readCookie, WORKSPACE_COOKIE } from "@actlab/api";
import {
  type Db,
  type TrackingMembership,
  trackingProjectMembership,
  trackingRunMembership,
  trackingWorkspaceMembership,
} from "@actlab/db";
import { MlflowError, notFound } from "./errors";

export type Caller = { userId: string; preferredWorkspaceId: string | null };

/** Basic credentials become the bearer token they carry: the username is ignored, as the token names the user. */
function asBearer(req: Request): Request {
  const header = req.headers.get("authorization");
  if (!header?.toLowerCase().startsWith("basic ")) return req;
  const decoded = Buffer.from(header.slice(6).trim(), "base64").toString("utf8");
  const password = decoded.slice(decoded.indexOf(":") + 1);
  const headers = new Headers(req.headers);
  headers.set("authorization", `Bearer ${password}`);
  return new Request(req.url, { method: req.method, headers });
}

export async function callerOf(req: Request, requestAuth: RequestAuth): Promise<Caller> {
  const user = await requestAuth.userFor(asBearer(req));
  if (!user.userId) {
    throw new MlflowError(
      "UNAUTHENTICATED",
      "Sign in first: send an Actlab API token as MLFLOW_TRACKING_TOKEN (or as MLFLOW_TRACKING_PASSWORD)",
    );
  }
  return { userId: user.userId, preferredWorkspaceId: readCookie(req, WORKSPACE_COOKIE) };
}

const rank = (r: string) => ROLES.indexOf(r as Role);

function requireRole(m: TrackingMembership, minRole: Role) {
  if (rank(m.role) < rank(minRole)) {
    throw new MlflowError(
      "PERMISSION_DENIED",
      `Permission denied: this needs the ${minRole} role in the workspace`,
    );
  }
}

export async function workspaceAccess(db: Db, caller: Caller, minRole: Role): Promise<TrackingMembership> {
  const m = await trackingWorkspaceMembership(db, caller.userId, caller.preferredWorkspaceId);
  if (!m)
    throw new MlflowError("PERMISSION_DENIED", "Permission denied: you are not a member of any workspace");
  requireRole(m, minRole);
  return m;
}

/** The project behind an experiment id ("0": the workspace's default project). */
export async function experimentAccess(db: Db, caller: Caller, experimentId: string, minRole: Role) {
  if (experimentId === "0") {
    const m = await workspaceAccess(db, caller, minRole);
    if (!m.defaultProjectId) throw notFound("No Experiment with id=0 exists");
    return { membership: m, projectId: m.defaultProjectId };
  }
  const m = await trackingProjectMembership(db, caller.userId, experimentId);
  if (!m) throw notFound(`No Experiment with id=${experimentId} exists`);
  requireRole(m, minRole);
  return { membership: m, projectId: experimentId };
}

export async function runAccess(db: Db, caller: Caller, runId: string, minRole: Role) {
  const m = await trackingRunMembership(db, caller.userId, runId);
  if (!m) throw notFound(`Run with id=${runId} not found`);
  requireRole(m, minRole);
  return m;
}
