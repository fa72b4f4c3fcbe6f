/** tags.add: puts a tag (by name and colour) on a run. */
import { addRunTag } from "@actlab/db";
import { z } from "zod";
import { recordActivitySafely } from "../activity/record";
import { requireRun, ZRunIdInput } from "../runs/require-run";
import { projectProcedure } from "../trpc";

/** Names are plain words so they read back unambiguously in a filter (`tag = baseline`). */
export const ZTagName = z
  .string()
  .trim()
  .min(1, "name the tag")
  .max(40, "a tag name is at most 40 characters")
  .regex(/^[\p{L}\p{N}_.:+-]+$/u, "a tag name is letters, digits and _ . : + - (no spaces)");
export const ZTagColor = z.string().regex(/^#[0-9a-f]{6}$/i, "a colour is #rrggbb, e.g. #3b82f6");

export const ZAddTagInput = ZRunIdInput.extend({ name: ZTagName, color: ZTagColor.default("#6366f1") });

export const addTagProcedure = projectProcedure("EDITOR")
  .input(ZAddTagInput)
  .mutation(async ({ ctx, input }) => {
    const run = await requireRun(ctx, input.runId);
    const tag = await addRunTag(ctx.db, ctx.projectId, run.id, input.name, input.color);
    await recordActivitySafely(ctx, {
      projectId: ctx.projectId,
      actorId: ctx.userId,
      verb: "tagged",
      targetKind: "run",
      targetId: run.id,
      detail: tag.name,
    });
    return tag;
  });
