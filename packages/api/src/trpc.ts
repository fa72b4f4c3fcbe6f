/** tRPC init and the procedure builders that carry authorisation, so no handler re-checks it by hand. */
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z } from "zod";
import type { ApiContext } from "./context";

const t = initTRPC.context<ApiContext>().create({
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
export const publicProcedure = t.procedure;

export const ROLES = ["VIEWER", "EDITOR", "OWNER"] as const;
export type Role = (typeof ROLES)[number];
const rank = (r: string): number => ROLES.indexOf(r as Role);

const authedProcedure = t.procedure.use(({ ctx, next }) => {
  if (!ctx.userId) throw new TRPCError({ code: "UNAUTHORIZED", message: "sign in first" });
  return next({ ctx: { ...ctx, userId: ctx.userId } });
});

/**
 * A procedure scoped to one project: loads the project, the caller's membership of its workspace,
 * and refuses unless the role is at least `minRole`. Input must carry `projectId` (or it uses the
 * caller's first project, which is what local mode has).
 */
export function projectProcedure(minRole: Role) {
  return authedProcedure
    .input(z.object({ projectId: z.string().optional() }))
    .use(async ({ ctx, input, next }) => {
      const membership = await ctx.db.prisma.membership.findFirst({
        where: {
          userId: ctx.userId,
          ...(input.projectId ? { workspace: { projects: { some: { id: input.projectId } } } } : {}),
        },
        include: { workspace: { include: { projects: { orderBy: { createdAt: "asc" } } } } },
        orderBy: { createdAt: "asc" },
      });
      const project = membership?.workspace.projects.find(
        (p) => !input.projectId || p.id === input.projectId,
      );
      if (!membership || !project) throw new TRPCError({ code: "NOT_FOUND", message: "no such project" });
      if (rank(membership.role) < rank(minRole)) {
        throw new TRPCError({ code: "FORBIDDEN", message: `needs the ${minRole} role` });
      }
      return next({
        ctx: { ...ctx, projectId: project.id, workspaceId: membership.workspaceId, role: membership.role },
      });
    });
}
