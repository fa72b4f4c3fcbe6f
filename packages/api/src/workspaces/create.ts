/** A new workspace (with its default project) owned by the caller. */
import { createWorkspace } from "@actlab/db";
import { z } from "zod";
import { authedProcedure } from "../trpc";

export const ZCreateWorkspaceInput = z.object({
  name: z.string().trim().min(1, "give the workspace a name").max(60, "at most 60 characters"),
});

export const createWorkspaceProcedure = authedProcedure
  .input(ZCreateWorkspaceInput)
  .mutation(async ({ ctx, input }) => {
    const ws = await createWorkspace(ctx.db, ctx.userId, input.name);
    return { id: ws.id, name: ws.name, slug: ws.slug };
  });
