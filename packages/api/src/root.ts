/** The app router: composes the domain routers, nothing else. */
import { metaRouter } from "./meta/router";
import { runsRouter } from "./runs/router";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({ meta: metaRouter, runs: runsRouter });
export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
