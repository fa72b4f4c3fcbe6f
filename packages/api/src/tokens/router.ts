/** Personal API tokens: the token is shown once at creation; afterwards only its name and prefix. */
import { createApiToken, listApiTokens, revokeApiToken } from "@actlab/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { authedProcedure, router } from "../trpc";

export const ZCreateTokenInput = z.object({
  name: z.string().trim().min(1, "name the token (what script uses it?)").max(60, "at most 60 characters"),
});

export const tokensRouter = router({
  list: authedProcedure.query(({ ctx }) => listApiTokens(ctx.db, ctx.userId)),
  create: authedProcedure
    .input(ZCreateTokenInput)
    .mutation(({ ctx, input }) => createApiToken(ctx.db, ctx.userId, input.name)),
  revoke: authedProcedure
    .input(z.object({ tokenId: z.string().min(1).max(64) }))
    .mutation(async ({ ctx, input }) => {
      if (!(await revokeApiToken(ctx.db, ctx.userId, input.tokenId))) {
        throw new TRPCError({ code: "NOT_FOUND", message: "no such active token" });
      }
      return { revoked: true };
    }),
});
