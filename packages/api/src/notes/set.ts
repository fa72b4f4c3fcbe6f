/** notes.set: replaces the notes of a run or sweep. */
import { setNotes } from "@actlab/db";
import { z } from "zod";
import { ZNotesTarget } from "../comments/target";
import { projectProcedure } from "../trpc";
import { notesTargetNotFound } from "./target-not-found";

export const ZSetNotesInput = ZNotesTarget.extend({
  notes: z.string().max(20_000, "notes are at most 20,000 characters"),
});

export const setNotesProcedure = projectProcedure("EDITOR")
  .input(ZSetNotesInput)
  .mutation(async ({ ctx, input }) => {
    if (!(await setNotes(ctx.db, ctx.projectId, input.targetKind, input.targetId, input.notes)))
      throw notesTargetNotFound(input);
    return { saved: true };
  });
