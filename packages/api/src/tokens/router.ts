/** Personal API tokens: the token is shown once at creation; afterwards only its name and prefix. */
import { router } from "../trpc";
import { createTokenProcedure } from "./create";
import { listTokensProcedure } from "./list";
import { revokeTokenProcedure } from "./revoke";

export const tokensRouter = router({
  list: listTokensProcedure,
  create: createTokenProcedure,
  revoke: revokeTokenProcedure,
});
