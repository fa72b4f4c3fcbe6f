/** tokens.list: the caller's active tokens, by name and prefix (the token itself is never shown again). */
import { listApiTokens } from "@actlab/db";
import { authedProcedure } from "../trpc";

export const listTokensProcedure = authedProcedure.query(({ ctx }) => listApiTokens(ctx.db, ctx.userId));
