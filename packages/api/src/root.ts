/** The app router: composes the domain routers, nothing else. */
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { activityRouter } from "./activity/router";
import { commentsRouter } from "./comments/router";
import { datasetsRouter } from "./datasets/router";
import { labRouter } from "./lab/router";
import { metaRouter } from "./meta/router";
import { notesRouter } from "./notes/router";
import { queueAdminRouter } from "./queue-admin/router";
import { runsRouter } from "./runs/router";
import { shareRouter } from "./share/router";
import { starsRouter } from "./stars/router";
import { sweepsRouter } from "./sweeps/router";
import { tagsRouter } from "./tags/router";
import { tokensRouter } from "./tokens/router";
import { createCallerFactory, router } from "./trpc";
import { viewsRouter } from "./views/router";
import { workspacesRouter } from "./workspaces/router";

export const appRouter = router({
  meta: metaRouter,
  runs: runsRouter,
  sweeps: sweepsRouter,
  queue: queueAdminRouter,
  workspaces: workspacesRouter,
  tokens: tokensRouter,
  comments: commentsRouter,
  notes: notesRouter,
  tags: tagsRouter,
  stars: starsRouter,
  activity: activityRouter,
  views: viewsRouter,
  share: shareRouter,
  lab: labRouter,
  datasets: datasetsRouter,
});
export type AppRouter = typeof appRouter;
/** What each procedure takes and returns: the web app reads its types from here, never rewrites them. */
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export const createCaller = createCallerFactory(appRouter);
