/** The app router: composes the domain routers, nothing else. */
import { activityRouter } from "./activity/router";
import { commentsRouter } from "./comments/router";
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
});
export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
