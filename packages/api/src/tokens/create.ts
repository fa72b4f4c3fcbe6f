/** tokens.create: a new personal API token, returned once. */
import { createApiToken } from "@actlab/db";
import { z } from "zod";
import { authedProcedure } from "../trpc";

export const ZCreateTokenInput = z.object({
  name: z.string().trim().min(1, "name the token (what script uses it?)").max(60, "at most 60 characters"),
});

export const createTokenProcedure = authedProcedure
  .input(ZCreateTokenInput)
  .mutation(({ ctx, input }) => createApiToken(ctx.db, ctx.userId, input.name));
