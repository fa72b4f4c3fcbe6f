/** The app router: composes the domain routers, nothing else. */
import { metaRouter } from "./meta/router";
import { queueAdminRouter } from "./queue-admin/router";
import { runsRouter } from "./runs/router";
import { sweepsRouter } from "./sweeps/router";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  meta: metaRouter,
  runs: runsRouter,
  sweeps: sweepsRouter,
  queue: queueAdminRouter,
});
export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
