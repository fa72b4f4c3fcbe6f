/** workspaces.createInvite: an owner makes an invite link for one role, valid for a while. */
import { createInvite } from "@actlab/db";
import { z } from "zod";
import { ROLES, workspaceProcedure } from "../trpc";

export const ZCreateInviteInput = z.object({
  role: z.enum(ROLES, { error: "role must be VIEWER, EDITOR or OWNER" }),
  expiresInHours: z
    .number()
    .int()
    .min(1, "at least 1 hour")
    .max(24 * 30, "at most 30 days")
    .default(72),
});

export const createInviteProcedure = workspaceProcedure("OWNER")
  .input(ZCreateInviteInput)
  .mutation(async ({ ctx, input }) => {
    const { token, invite } = await createInvite(ctx.db, {
      workspaceId: ctx.workspaceId,
      createdById: ctx.userId,
      role: input.role,
      expiresInHours: input.expiresInHours,
    });
    // The token is returned once, inside the link; the database keeps only its hash.
    return { id: invite.id, path: `/invite/${token}`, role: invite.role, expiresAt: invite.expiresAt };
  });
