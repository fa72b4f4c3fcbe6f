/** A comment of the caller's project, else NOT_FOUND: another project's comment reads as missing. */
import { type Db, getComment } from "@actlab/db";
import { TRPCError } from "@trpc/server";

export async function requireComment(ctx: { db: Db; projectId: string }, id: string) {
  const comment = await getComment(ctx.db, ctx.projectId, id);
  if (!comment) throw new TRPCError({ code: "NOT_FOUND", message: `no comment ${id}` });
  return comment;
}
