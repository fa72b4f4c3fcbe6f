/** Mounts the tRPC router: queries, mutations and SSE subscriptions all go through here. */
import { appRouter } from "@actlab/api";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { serverState } from "@/server/deps";

export const dynamic = "force-dynamic";

async function handler(req: Request) {
  const state = serverState();
  const userId = await state.localUserId;
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => ({ ...state.deps, userId }),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`trpc ${path}: ${error.message}`);
    },
  });
}

export { handler as GET, handler as POST };
