/** The app router: composes the domain routers, nothing else. */
import { metaRouter } from "./meta/router";
import { queueAdminRouter } from "./queue-admin/router";
import { runsRouter } from "./runs/router";
import { sweepsRouter } from "./sweeps/router";
import { tokensRouter } from "./tokens/router";
import { createCallerFactory, router } from "./trpc";
import { workspacesRouter } from "./workspaces/router";

export const appRouter = router({
  meta: metaRouter,
  runs: runsRouter,
  sweeps: sweepsRouter,
  queue: queueAdminRouter,
  workspaces: workspacesRouter,
  tokens: tokensRouter,
});
export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
