/** comments.add: any member (viewers too) comments on a run, sweep or view of the project. */
import { addComment } from "@actlab/db";
import { recordActivitySafely } from "../activity/record";
import { projectProcedure } from "../trpc";
import { ZCommentBody, ZMentions } from "./fields";
import { memberMentions } from "./mentions";
import { requireTarget, ZTarget } from "./target";

export const ZAddCommentInput = ZTarget.extend({ body: ZCommentBody, mentions: ZMentions });

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
