/** comments.remove: the author or a workspace owner deletes a comment. */
import { deleteComment } from "@actlab/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { projectProcedure } from "../trpc";
import { ZCommentId } from "./fields";
import { requireComment } from "./require-comment";

export const ZRemoveCommentInput = z.object({ commentId: ZCommentId });

export const removeCommentProcedure = projectProcedure("VIEWER")
  .input(ZRemoveCommentInput)
  .mutation(async ({ ctx, input }) => {
    const comment = await requireComment(ctx, input.commentId);
    if (comment.authorId !== ctx.userId && ctx.role !== "OWNER")
      throw new TRPCError({ code: "FORBIDDEN", message: "only its author or an owner can delete a comment" });
    await deleteComment(ctx.db, comment.id);
    return { deleted: true };
  });
