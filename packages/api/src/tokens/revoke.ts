/** tokens.revoke: stops one of the caller's tokens working. */
import { revokeApiToken } from "@actlab/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { authedProcedure } from "../trpc";

export const ZRevokeTokenInput = z.object({ tokenId: z.string().min(1).max(64) });

export const revokeTokenProcedure = authedProcedure
  .input(ZRevokeTokenInput)
  .mutation(async ({ ctx, input }) => {
    if (!(await revokeApiToken(ctx.db, ctx.userId, input.tokenId))) {
      throw new TRPCError({ code: "NOT_FOUND", message: "no such active token" });
    }
    return { revoked: true };
  });
