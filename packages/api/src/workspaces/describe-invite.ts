/** workspaces.describeInvite: what an invite link offers, for any signed-in user holding it. */
import { describeInvite } from "@actlab/db";
import { authedProcedure } from "../trpc";
import { INVITE_PROBLEMS, ZInviteTokenInput } from "./invite-token";

export const describeInviteProcedure = authedProcedure
  .input(ZInviteTokenInput)
  .query(async ({ ctx, input }) => {
    const d = await describeInvite(ctx.db, input.token, ctx.userId);
    return d.ok
      ? {
          ok: true as const,
          joined: d.joined,
          workspaceId: d.workspaceId,
          workspaceName: d.workspaceName,
          role: d.role,
        }
      : { ok: false as const, message: INVITE_PROBLEMS[d.problem] };
  });
