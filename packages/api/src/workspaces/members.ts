/** Members of the current workspace: anyone in it may list them; only owners change roles or remove. */
import { LastOwnerError, listMembers, removeMember, setMemberRole } from "@actlab/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { ROLES, workspaceProcedure } from "../trpc";

export const listMembersProcedure = workspaceProcedure("VIEWER").query(async ({ ctx }) => ({
  workspaceId: ctx.workspaceId,
  myRole: ctx.role,
  members: await listMembers(ctx.db, ctx.workspaceId),
}));

const ZUserId = z.string().min(1, "which member?").max(64);
export const ZSetRoleInput = z.object({
  userId: ZUserId,
  role: z.enum(ROLES, { error: "role must be VIEWER, EDITOR or OWNER" }),
});

/** The last owner cannot be demoted or removed: a workspace nobody can manage is lost. */
function asBadRequest(err: unknown): never {
  if (err instanceof LastOwnerError) throw new TRPCError({ code: "BAD_REQUEST", message: err.message });
  throw err;
}

export const setRoleProcedure = workspaceProcedure("OWNER")
  .input(ZSetRoleInput)
  .mutation(async ({ ctx, input }) => {
    const updated = await setMemberRole(ctx.db, ctx.workspaceId, input.userId, input.role).catch(
      asBadRequest,
    );
    if (!updated) throw new TRPCError({ code: "NOT_FOUND", message: "no such member" });
    return { userId: updated.userId, role: updated.role };
  });

export const removeMemberProcedure = workspaceProcedure("OWNER")
  .input(z.object({ userId: ZUserId }))
  .mutation(async ({ ctx, input }) => {
    const removed = await removeMember(ctx.db, ctx.workspaceId, input.userId).catch(asBadRequest);
    if (!removed) throw new TRPCError({ code: "NOT_FOUND", message: "no such member" });
    return { removed: true };
  });
