/** notes.get: the free-text notes of a run or sweep. */
import { getNotes } from "@actlab/db";
import { ZNotesTarget } from "../comments/target";
import { projectProcedure } from "../trpc";
import { notesTargetNotFound } from "./target-not-found";

export const getNotesProcedure = projectProcedure("VIEWER")
  .input(ZNotesTarget)
  .query(async ({ ctx, input }) => {
    const notes = await getNotes(ctx.db, ctx.projectId, input.targetKind, input.targetId);
    if (notes === null) throw notesTargetNotFound(input);
    return { notes };
  });
