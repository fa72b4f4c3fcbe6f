/**
 * The builder for public share links: authorises by the token alone, signed in or not. The token is
 * resolved on every call, so a revoked link stops working at once; the handler gets only that one view.
 */
import { resolveViewShare } from "@actlab/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { AccessDenied, publicProcedure } from "../trpc";

/** What the share page shows for each refusal; the page tells "revoked" apart from "unknown". */
export const SHARE_REFUSALS = {
  revoked: "this link was revoked",
  invalid: "this link does not exist",
} as const;

export const ZShareTokenInput = z.object({
  token: z.string().min(1, "the link has no token").max(200, "a share token is at most 200 characters"),
});

export const shareTokenProcedure = publicProcedure
  .meta({ access: { kind: "share-token" } })
  .input(ZShareTokenInput)
  .use(async ({ ctx, input, next }) => {
    const found = await resolveViewShare(ctx.db, input.token);
    if (!found.ok) {
      const message = SHARE_REFUSALS[found.problem];
      throw new TRPCError({ code: "NOT_FOUND", message, cause: new AccessDenied(message) });
    }
    return next({ ctx: { ...ctx, sharedView: found.view } });
  });
