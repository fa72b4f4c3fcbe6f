/** workspaces.setRole: an owner changes a member's role. */
import { setMemberRole } from "@actlab/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { ROLES, workspaceProcedure } from "../trpc";
import { lastOwnerAsBadRequest, ZMemberId } from "./member-fields";

export const ZSetRoleInput = z.object({
  userId: ZMemberId,
  role: z.enum(ROLES, { error: "role must be VIEWER, EDITOR or OWNER" }),
});

export const setRoleProcedure = workspaceProcedure("OWNER")
  .input(ZSetRoleInput)
  .mutation(async ({ ctx, input }) => {
    const updated = await setMemberRole(ctx.db, ctx.workspaceId, input.userId, input.role).catch(
      lastOwnerAsBadRequest,
    );
    if (!updated) throw new TRPCError({ code: "NOT_FOUND", message: "no such member" });
    return { userId: updated.userId, role: updated.role };
  });
