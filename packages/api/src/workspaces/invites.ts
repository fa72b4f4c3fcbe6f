/** Invite links: owners create, list and revoke them; any signed-in user may look at one and accept it. */
import { acceptInvite, createInvite, describeInvite, listOpenInvites, revokeInvite } from "@actlab/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { authedProcedure, ROLES, workspaceProcedure } from "../trpc";

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

export const listInvitesProcedure = workspaceProcedure("OWNER").query(({ ctx }) =>
  listOpenInvites(ctx.db, ctx.workspaceId),
);

export const revokeInviteProcedure = workspaceProcedure("OWNER")
  .input(z.object({ inviteId: z.string().min(1).max(64) }))
  .mutation(async ({ ctx, input }) => {
    if (!(await revokeInvite(ctx.db, ctx.workspaceId, input.inviteId))) {
      throw new TRPCError({ code: "NOT_FOUND", message: "no such open invite" });
    }
    return { revoked: true };
  });

const ZInviteToken = z.object({ token: z.string().min(10, "this invite link is incomplete").max(200) });

const PROBLEMS = {
  invalid: "this invite link is not valid (it may have been revoked)",
  expired: "this invite link has expired: ask for a new one",
  used: "this invite link has already been used: ask for a new one",
  withdrawn: "whoever made this invite link can no longer grant its role: ask for a new one",
} as const;

export const describeInviteProcedure = authedProcedure.input(ZInviteToken).query(async ({ ctx, input }) => {
  const d = await describeInvite(ctx.db, input.token, ctx.userId);
  return d.ok
    ? {
        ok: true as const,
        joined: d.joined,
        workspaceId: d.workspaceId,
        workspaceName: d.workspaceName,
        role: d.role,
      }
    : { ok: false as const, message: PROBLEMS[d.problem] };
});

export const acceptInviteProcedure = authedProcedure.input(ZInviteToken).mutation(async ({ ctx, input }) => {
  const result = await acceptInvite(ctx.db, input.token, ctx.userId);
  if (!result.ok) throw new TRPCError({ code: "BAD_REQUEST", message: PROBLEMS[result.problem] });
  return result;
});
