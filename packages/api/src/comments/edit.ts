/** comments.edit: only the author edits; the role check is the builder's, authorship is data, so here. */
import { editComment } from "@actlab/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { projectProcedure } from "../trpc";
import { ZCommentBody, ZCommentId, ZMentions } from "./fields";
import { memberMentions } from "./mentions";
import { requireComment } from "./require-comment";

export const ZEditCommentInput = z.object({ commentId: ZCommentId, body: ZCommentBody, mentions: ZMentions });

export const editCommentProcedure = projectProcedure("VIEWER")
  .input(ZEditCommentInput)
  .mutation(async ({ ctx, input }) => {
    const comment = await requireComment(ctx, input.commentId);
    if (comment.authorId !== ctx.userId)
      throw new TRPCError({ code: "FORBIDDEN", message: "only its author can edit a comment" });
    await editComment(ctx.db, comment.id, input.body, await memberMentions(ctx, input.mentions));
    return { edited: true };
  });
