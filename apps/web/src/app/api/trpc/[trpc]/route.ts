/** Mounts the tRPC router: queries, mutations and SSE subscriptions all go through here (after CSRF and auth). */
import { handleTrpcRequest } from "@actlab/api";
import { serverState } from "@/server/deps";

export const dynamic = "force-dynamic";

async function handler(req: Request) {
  const state = serverState();
  return handleTrpcRequest(req, state.deps, state.requestAuth);
}

export { handler as GET, handler as POST };
