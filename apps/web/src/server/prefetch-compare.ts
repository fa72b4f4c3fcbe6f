/**
 * Runs the compare view's query while the page renders on the server, so the chart draws right after
 * hydration instead of waiting for a second round trip. Same procedure, same authorisation as /api/trpc.
 */
import { appRouter, PROJECT_COOKIE, readCookie, WORKSPACE_COOKIE } from "@actlab/api";
import { type DehydratedState, dehydrate, QueryClient } from "@tanstack/react-query";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { headers } from "next/headers";
import superjson from "superjson";
import { compareQueryInput, parseCompareState, SERVER_BUCKETS } from "@/lib/compare-state";
import { serverState } from "./deps";

export async function prefetchCompare(
  search: Record<string, string | string[] | undefined>,
): Promise<DehydratedState | null> {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(search)) if (typeof v === "string") params.set(k, v);
  const view = parseCompareState(params);
  if (view.runs.length === 0) return null;
  const req = new Request("http://actlab.local/", { headers: await headers() });
  const state = serverState();
  const user = await state.requestAuth.userFor(req);
  if (!user.userId) return null;
  const queryClient = new QueryClient({
    defaultOptions: { dehydrate: { serializeData: superjson.serialize } },
  });
  const trpc = createTRPCOptionsProxy({
    router: appRouter,
    queryClient,
    ctx: {
      ...state.deps,
      userId: user.userId,
      authVia: user.via,
      currentWorkspaceId: readCookie(req, WORKSPACE_COOKIE),
      currentProjectId: readCookie(req, PROJECT_COOKIE),
    },
  });
  // A failure (unknown runs, bad input) is left for the client query to report with its error state.
  await queryClient.prefetchQuery(trpc.runs.compare.queryOptions(compareQueryInput(view, SERVER_BUCKETS)));
  return dehydrate(queryClient);
}
