/** workspaces.revokeInvite: an open invite link stops working. */
import { revokeInvite } from "@actlab/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { workspaceProcedure } from "../trpc";

export const ZRevokeInviteInput = z.object({ inviteId: z.string().min(1).max(64) });

export const revokeInviteProcedure = workspaceProcedure("OWNER")
  .input(ZRevokeInviteInput)
  .mutation(async ({ ctx, input }) => {
    if (!(await revokeInvite(ctx.db, ctx.workspaceId, input.inviteId))) {
      throw new TRPCError({ code: "NOT_FOUND", message: "no such open invite" });
    }
    return { revoked: true };
  });
