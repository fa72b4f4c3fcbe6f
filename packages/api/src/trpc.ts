/**
 * tRPC init and the procedure builders that carry authorisation, so no handler re-checks it by hand.
 * Every builder stamps `meta.access`; the authorisation matrix test walks the router and refuses any
 * procedure without it.
 */

import { findMembership, projectIdOfRun } from "@actlab/db";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z } from "zod";
import type { ApiContext } from "./context";
import { currentProject } from "./workspaces/current-project";

export const ROLES = ["VIEWER", "EDITOR", "OWNER"] as const;
export type Role = (typeof ROLES)[number];
const rank = (r: string): number => ROLES.indexOf(r as Role);

/** Who may call a procedure: what the builder checks before the handler runs. */
export type Access =
  | { kind: "public" }
  | { kind: "authed" }
  | { kind: "workspace"; minRole: Role }
  | { kind: "project"; minRole: Role }
  // Anyone holding a saved view's share token, signed in or not (share/procedure.ts checks the token).
  | { kind: "share-token" };
export type ProcedureMeta = { access?: Access };

/** The cause of every refusal a builder makes, so tests tell "denied" apart from a handler's own errors. */
export class AccessDenied extends Error {}

function deny(code: "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND", message: string): TRPCError {
  return new TRPCError({ code, message, cause: new AccessDenied(message) });
}

const t = initTRPC
  .context<ApiContext>()
  .meta<ProcedureMeta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error }) {
      const zodIssues = error.cause instanceof z.ZodError ? error.cause.issues : null;
      return {
        ...shape,
        // A readable summary instead of the raw issue list: "lr: learning rate must be > 0; …".
        message: zodIssues
          ? zodIssues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; ")
          : shape.message,
        data: {
          ...shape.data,
          // One message per field, keyed by its path ("hiddenLayers.0"), for forms to show inline.
          fieldErrors: zodIssues
            ? Object.fromEntries(zodIssues.map((i) => [i.path.join(".") || "_", i.message]))
            : null,
        },
      };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Anyone, signed in or not: only for data that is the same for everybody (option lists). */
export const publicProcedure = t.procedure.meta({ access: { kind: "public" } });

/** A signed-in user (session, API token, or local mode's local user); nothing workspace-specific yet. */
export const authedProcedure = t.procedure.meta({ access: { kind: "authed" } }).use(({ ctx, next }) => {
  if (!ctx.userId) throw deny("UNAUTHORIZED", "sign in first");
  return next({ ctx: { ...ctx, userId: ctx.userId } });
});

/** The caller's membership for a request, by the one rule (findMembership); the UI's pick is the fallback. */
function findRequestMembership(
  ctx: ApiContext & { userId: string },
  scope: { projectId?: string; workspaceId?: string },
) {
  return findMembership(ctx.db, ctx.userId, { ...scope, preferredWorkspaceId: ctx.currentWorkspaceId });
}

/**
 * A procedure scoped to one workspace: loads the caller's membership and refuses unless the role is at
 * least `minRole`. Input may carry `workspaceId`; otherwise the current workspace is used.
 */
export function workspaceProcedure(minRole: Role) {
  return authedProcedure
    .meta({ access: { kind: "workspace", minRole } })
    .input(z.object({ workspaceId: z.string().max(64).optional() }))
    .use(async ({ ctx, input, next }) => {
      const membership = await findRequestMembership(ctx, { workspaceId: input.workspaceId });
      // Not a member reads as "does not exist": a foreign workspace's ids reveal nothing.
      if (!membership) throw deny("NOT_FOUND", "no such workspace");
      if (rank(membership.role) < rank(minRole)) throw deny("FORBIDDEN", `needs the ${minRole} role`);
      return next({
        ctx: {
          ...ctx,
          workspaceId: membership.workspaceId,
          role: membership.role as Role,
          projectId: membership.workspace.projects[0]?.id ?? null,
        },
      });
    });
}

/**
 * A call that names a run (`runId`) acts in that run's project when the caller is a member of its
 * workspace, so a run's page opens whichever project the UI is in. Otherwise null: the call stays in the
 * current project, exactly as for an unknown id, so a foreign run's existence is never revealed.
 */
async function namedRunScope(ctx: ApiContext & { userId: string }, raw: unknown) {
  const runId = (raw as { runId?: unknown } | null)?.runId;
  if (typeof runId !== "string" || runId.length === 0 || runId.length > 64) return null;
  const projectId = await projectIdOfRun(ctx.db, runId);
  if (!projectId) return null;
  const membership = await findRequestMembership(ctx, { projectId });
  return membership ? { projectId, membership } : null;
}

type Membership = NonNullable<Awaited<ReturnType<typeof findRequestMembership>>>;

/**
 * The project a call acts in and the caller's role there: `scope` if given (a foreign one reads as "no
 * such project"), else the UI's pick among the current workspace's live projects. The one rule for
 * project procedures and for the plain HTTP routes that act in a project (dataset uploads).
 */
export async function projectAccess(
  ctx: ApiContext & { userId: string },
  minRole: Role,
  scope: string | undefined,
  known?: Membership,
): Promise<{ projectId: string; workspaceId: string; role: string }> {
  const membership = known ?? (await findRequestMembership(ctx, { projectId: scope }));
  const projects = membership?.workspace.projects ?? [];
  const project = scope
    ? projects.find((p) => p.id === scope)
    : currentProject(
        projects.filter((p) => !p.deletedAt),
        ctx.currentProjectId,
      );
  if (!membership || !project) throw deny("NOT_FOUND", "no such project");
  if (rank(membership.role) < rank(minRole)) throw deny("FORBIDDEN", `needs the ${minRole} role`);
  return { projectId: project.id, workspaceId: membership.workspaceId, role: membership.role };
}

/**
 * A procedure scoped to one project: loads the project, the caller's membership of its workspace,
 * and refuses unless the role is at least `minRole`. Input may carry `projectId`; otherwise the current
 * workspace's first project is used (what local mode has).
 */
export function projectProcedure(minRole: Role) {
  return authedProcedure
    .meta({ access: { kind: "project", minRole } })
    .input(z.object({ projectId: z.string().optional() }))
    .use(async ({ ctx, input, next, getRawInput }) => {
      // The named run's lookup already found the membership: it is not looked up a second time.
      const named = input.projectId ? null : await namedRunScope(ctx, await getRawInput());
      const access = await projectAccess(
        ctx,
        minRole,
        input.projectId ?? named?.projectId,
        named?.membership,
      );
      return next({ ctx: { ...ctx, ...access } });
    });
}
