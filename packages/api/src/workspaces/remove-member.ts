/** workspaces.removeMember: an owner removes a member from the workspace. */
import { removeMember } from "@actlab/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { workspaceProcedure } from "../trpc";
import { lastOwnerAsBadRequest, ZMemberId } from "./member-fields";

export const ZRemoveMemberInput = z.object({ userId: ZMemberId });

export const removeMemberProcedure = workspaceProcedure("OWNER")
  .input(ZRemoveMemberInput)
  .mutation(async ({ ctx, input }) => {
    const removed = await removeMember(ctx.db, ctx.workspaceId, input.userId).catch(lastOwnerAsBadRequest);
    if (!removed) throw new TRPCError({ code: "NOT_FOUND", message: "no such member" });
    return { removed: true };
  });
