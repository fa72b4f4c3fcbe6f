/**
 * The two HTTP entry points the web app mounts, kept here so tests drive them with real requests:
 * /api/trpc (CSRF check, who is asking, then tRPC) and /api/auth (CSRF check, then better-auth).
 */
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { ApiDeps } from "../context";
import { answerConditionally, cacheHeaders } from "../http-cache";
import { isAllowedHost, withinBodyLimit, wrongHostRefusal } from "../network";
import { appRouter } from "../root";
import { clientAddress, withClientAddress } from "./client-address";
import { crossOriginRefusal, isCrossOriginWrite } from "./csrf";
import {
  type NetworkOptions,
  PROJECT_COOKIE,
  type RequestAuth,
  readCookie,
  WORKSPACE_COOKIE,
} from "./request-user";
import { SETUP_HEADER } from "./setup-link";

/** Before anything is read: a Host we answer to and no cross-origin write, else the refusal to answer. */
export function foreignRequestRefusal(req: Request, network: NetworkOptions): Response | null {
  if (!isAllowedHost(req.headers.get("host") ?? new URL(req.url).host, network.publicUrl))
    return wrongHostRefusal(network.publicUrl);
  return isCrossOriginWrite(req) ? crossOriginRefusal() : null;
}

/** Before any handler: the request checks above, then a body within the limit. */
async function admit(req: Request, network: NetworkOptions): Promise<Request | Response> {
  return foreignRequestRefusal(req, network) ?? withinBodyLimit(req, network.maxBodyBytes);
}

export async function handleTrpcRequest(
  incoming: Request,
  deps: ApiDeps,
  requestAuth: RequestAuth,
  endpoint = "/api/trpc",
): Promise<Response> {
  const admitted = await admit(incoming, requestAuth.network);
  if (admitted instanceof Response) return admitted;
  const req = admitted;
  const user = await requestAuth.userFor(req);
  const response = await fetchRequestHandler({
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
        currentProjectId: readCookie(req, PROJECT_COOKIE),
        httpCache: { cacheable: 0, live: 0 },
      };
    },
    responseMeta: ({ ctx, info, errors }) => ({
      headers: cacheHeaders(ctx?.httpCache, info?.calls.length ?? 0, errors.length),
    }),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`trpc ${path}: ${error.message}`);
    },
  });
  return answerConditionally(req, response);
}

/** The invite link a sign-up comes from (the form sends its token along): see RequestAuth.signUpThroughInvite. */
export const INVITE_HEADER = "x-actlab-invite";

/**
 * `peer`: the address of the socket the request came in on (null if the server cannot tell); the client
 * address the limits count by is derived from it (client-address.ts).
 */
export async function handleAuthRequest(
  incoming: Request,
  requestAuth: RequestAuth,
  peer: string | null,
): Promise<Response> {
  const admitted = await admit(incoming, requestAuth.network);
  if (admitted instanceof Response) return admitted;
  const client = clientAddress(peer, admitted.headers.get("x-forwarded-for"), requestAuth.trustedProxies);
  const req = withClientAddress(admitted, client);
  const refused = await requestAuth.refuseOverLimit(req, client);
  if (refused) return refused;
  const path = new URL(req.url).pathname;
  if (req.method === "POST" && path.endsWith("/sign-up/email")) return signUp(req, requestAuth);
  return requestAuth.auth.handler(req);
}

/**
 * The first sign-up claims the instance: from this machine in local mode, otherwise only through the
 * setup link printed at start. First sign-ups take turns, and one that loses the race is refused.
 */
async function signUp(req: Request, requestAuth: RequestAuth): Promise<Response> {
  if (!(await requestAuth.isLocalMode())) return laterSignUp(req, requestAuth);
  return requestAuth.serialiseFirstSignUp(async () => {
    // It came to claim the instance and another sign-up did first: it must not succeed as well.
    if (!(await requestAuth.isLocalMode())) return firstAccountTaken();
    if (requestAuth.mayUseLocalMode(req)) return requestAuth.auth.handler(req);
    const link = requestAuth.network.setupLink;
    const token = req.headers.get(SETUP_HEADER);
    if (!link || !token || !link.matches(token)) {
      return Response.json(
        {
          code: "SETUP_LINK_REQUIRED",
          message: "the first account is created through the setup link printed when this Actlab started",
        },
        { status: 403 },
      );
    }
    // Another web process may be creating the first account through the same link this moment.
    if (!(await link.claim())) return firstAccountTaken();
    try {
      if (!(await requestAuth.isLocalMode())) return firstAccountTaken();
      return await requestAuth.auth.handler(req);
    } finally {
      await link.release();
    }
  });
}

const firstAccountTaken = () =>
  Response.json(
    { code: "FIRST_ACCOUNT_TAKEN", message: "the first account was just created: sign in, or ask its owner" },
    { status: 409 },
  );

/**
 * Sign-up: through an invite link it joins at once (the link is used up first: see signUpThroughInvite);
 * without a working link it is refused on an invite-only Actlab.
 */
async function laterSignUp(req: Request, requestAuth: RequestAuth): Promise<Response> {
  const invite = req.headers.get(INVITE_HEADER);
  const joined = invite
    ? await requestAuth.signUpThroughInvite(invite, () => requestAuth.auth.handler(req))
    : null;
  if (joined) return joined;
  if (requestAuth.signup === "open") return requestAuth.auth.handler(req);
  return Response.json(
    {
      code: "INVITE_REQUIRED",
      message: "this Actlab takes new accounts through invite links only: ask a workspace owner for one",
    },
    { status: 403 },
  );
}
