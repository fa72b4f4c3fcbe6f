/**
 * The two HTTP entry points the web app mounts, kept here so tests drive them with real requests:
 * /api/trpc (CSRF check, who is asking, then tRPC) and /api/auth (CSRF check, then better-auth).
 */
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { ApiDeps } from "../context";
import { appRouter } from "../root";
import { crossOriginRefusal, isCrossOriginWrite } from "./csrf";
import { type RequestAuth, readCookie, WORKSPACE_COOKIE } from "./request-user";

export async function handleTrpcRequest(
  req: Request,
  deps: ApiDeps,
  requestAuth: RequestAuth,
  endpoint = "/api/trpc",
): Promise<Response> {
  if (isCrossOriginWrite(req)) return crossOriginRefusal();
  const user = await requestAuth.userFor(req);
  return fetchRequestHandler({
    endpoint,
    req,
    router: appRouter,
    createContext: ({ resHeaders }) => {
      for (const cookie of user.setCookies) resHeaders.append("set-cookie", cookie);
      return {
        ...deps,
        userId: user.userId,
        authVia: user.via,
        currentWorkspaceId: readCookie(req, WORKSPACE_COOKIE),
      };
    },
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`trpc ${path}: ${error.message}`);
    },
  });
}

/** The invite link a sign-up comes from (the form sends its token along): see RequestAuth.maySignUp. */
export const INVITE_HEADER = "x-actlab-invite";

export async function handleAuthRequest(req: Request, requestAuth: RequestAuth): Promise<Response> {
  if (isCrossOriginWrite(req)) return crossOriginRefusal();
  const path = new URL(req.url).pathname;
  if (req.method === "POST" && path.endsWith("/sign-up/email")) return signUp(req, requestAuth);
  if (req.method === "POST" && path.endsWith("/sign-in/email")) {
    const email = await req
      .clone()
      .json()
      .then((b: { email?: unknown }) => (typeof b.email === "string" ? b.email.trim().toLowerCase() : ""))
      .catch(() => "");
    const { allowed, retryAfterS } = requestAuth.signInAttempts.hit(email);
    if (!allowed) {
      return Response.json(
        { code: "TOO_MANY_ATTEMPTS", message: "too many sign-in attempts for this account: wait a minute" },
        { status: 429, headers: { "retry-after": String(retryAfterS) } },
      );
    }
  }
  return requestAuth.auth.handler(req);
}

/** Sign-up: refused on an invite-only Actlab without a working link; through a link, it joins at once. */
async function signUp(req: Request, requestAuth: RequestAuth): Promise<Response> {
  const invite = req.headers.get(INVITE_HEADER);
  if (!(await requestAuth.maySignUp(invite))) {
    return Response.json(
      {
        code: "INVITE_REQUIRED",
        message: "this Actlab takes new accounts through invite links only: ask a workspace owner for one",
      },
      { status: 403 },
    );
  }
  const res = await requestAuth.auth.handler(req);
  if (!invite || !res.ok) return res;
  // Joining with the account uses the link up, so one link cannot open the door to several sign-ups.
  const created = (await res
    .clone()
    .json()
    .catch(() => null)) as { user?: { id?: unknown } } | null;
  if (typeof created?.user?.id === "string") await requestAuth.joinInvite(invite, created.user.id);
  return res;
}
