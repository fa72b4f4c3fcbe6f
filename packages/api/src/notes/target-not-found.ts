/** The refusal for notes of a run or sweep outside the caller's project: the words of every foreign id. */
import { TRPCError } from "@trpc/server";

export const notesTargetNotFound = (target: { targetKind: string; targetId: string }) =>
  new TRPCError({ code: "NOT_FOUND", message: `no ${target.targetKind} ${target.targetId}` });
