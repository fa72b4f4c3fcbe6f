/**
 * comments.add / edit / remove. Viewers may comment; only the author edits; the author or an owner
 * deletes. The role check itself is the builder's; the authorship rule is data, so it lives here.
 */
import { addComment, type Db, deleteComment, editComment, getComment } from "@actlab/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { recordActivitySafely } from "../activity/record";
import { projectProcedure } from "../trpc";
import { memberMentions } from "./mentions";
import { requireTarget, ZTarget } from "./target";

const ZBody = z
  .string()
  .trim()
  .min(1, "write something first")
  .max(10_000, "a comment is at most 10,000 characters");
const ZMentions = z.array(z.string().min(1).max(64)).max(50, "at most 50 mentions").default([]);
const ZCommentId = z.string().min(1, "which comment?").max(64);

export const ZAddCommentInput = ZTarget.extend({ body: ZBody, mentions: ZMentions });
export const ZEditCommentInput = z.object({ commentId: ZCommentId, body: ZBody, mentions: ZMentions });
export const ZRemoveCommentInput = z.object({ commentId: ZCommentId });

export const addCommentProcedure = projectProcedure("VIEWER")
  .input(ZAddCommentInput)
  .mutation(async ({ ctx, input }) => {
    await requireTarget(ctx, input);
    const comment = await addComment(ctx.db, {
      projectId: ctx.projectId,
      targetKind: input.targetKind,
      targetId: input.targetId,
      authorId: ctx.userId,
      body: input.body,
      mentions: await memberMentions(ctx, input.mentions),
    });
    await recordActivitySafely(ctx, {
      projectId: ctx.projectId,
      actorId: ctx.userId,
      verb: "commented",
      targetKind: input.targetKind,
      targetId: input.targetId,
    });
    return { id: comment.id };
  });

async function findComment(ctx: { db: Db; projectId: string }, id: string) {
  const comment = await getComment(ctx.db, ctx.projectId, id);
  if (!comment) throw new TRPCError({ code: "NOT_FOUND", message: `no comment ${id}` });
  return comment;
}

export const editCommentProcedure = projectProcedure("VIEWER")
  .input(ZEditCommentInput)
  .mutation(async ({ ctx, input }) => {
    const comment = await findComment(ctx, input.commentId);
    if (comment.authorId !== ctx.userId)
      throw new TRPCError({ code: "FORBIDDEN", message: "only its author can edit a comment" });
    await editComment(ctx.db, comment.id, input.body, await memberMentions(ctx, input.mentions));
    return { edited: true };
  });

export const removeCommentProcedure = projectProcedure("VIEWER")
  .input(ZRemoveCommentInput)
  .mutation(async ({ ctx, input }) => {
    const comment = await findComment(ctx, input.commentId);
    if (comment.authorId !== ctx.userId && ctx.role !== "OWNER")
      throw new TRPCError({ code: "FORBIDDEN", message: "only its author or an owner can delete a comment" });
    await deleteComment(ctx.db, comment.id);
    return { deleted: true };
  });
