/** better-auth's endpoints (sign-up, sign-in, sign-out, session), behind the same cross-origin check as tRPC. */
import { handleAuthRequest } from "@actlab/api";
import { serverState } from "@/server/deps";
import { peerAddress } from "@/server/peer-address";

export const dynamic = "force-dynamic";

async function handler(req: Request) {
  return handleAuthRequest(req, serverState().requestAuth, peerAddress(req));
}

export { handler as GET, handler as POST };
