/** notes.get / notes.set: the free-text notes of a run or sweep; viewers read, editors write. */
import { getNotes, setNotes } from "@actlab/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { ZNotesTarget } from "../comments/target";
import { projectProcedure, router } from "../trpc";

export const ZSetNotesInput = ZNotesTarget.extend({
  notes: z.string().max(20_000, "notes are at most 20,000 characters"),
});

const notFound = (input: { targetKind: string; targetId: string }) =>
  new TRPCError({ code: "NOT_FOUND", message: `no ${input.targetKind} ${input.targetId}` });

export const getNotesProcedure = projectProcedure("VIEWER")
  .input(ZNotesTarget)
  .query(async ({ ctx, input }) => {
    const notes = await getNotes(ctx.db, ctx.projectId, input.targetKind, input.targetId);
    if (notes === null) throw notFound(input);
    return { notes };
  });

export const setNotesProcedure = projectProcedure("EDITOR")
  .input(ZSetNotesInput)
  .mutation(async ({ ctx, input }) => {
    if (!(await setNotes(ctx.db, ctx.projectId, input.targetKind, input.targetId, input.notes)))
      throw notFound(input);
    return { saved: true };
  });

export const notesRouter = router({ get: getNotesProcedure, set: setNotesProcedure });
