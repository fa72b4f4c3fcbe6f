/** workspaces.acceptInvite: the signed-in user joins the workspace with the invite's role. */
import { acceptInvite } from "@actlab/db";
import { TRPCError } from "@trpc/server";
import { authedProcedure } from "../trpc";
import { INVITE_PROBLEMS, ZInviteTokenInput } from "./invite-token";

export const acceptInviteProcedure = authedProcedure
  .input(ZInviteTokenInput)
  .mutation(async ({ ctx, input }) => {
    const result = await acceptInvite(ctx.db, input.token, ctx.userId);
    if (!result.ok) throw new TRPCError({ code: "BAD_REQUEST", message: INVITE_PROBLEMS[result.problem] });
    return result;
  });
