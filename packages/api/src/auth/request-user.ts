/**
 * Who a request acts as. In order: an `Authorization: Bearer` API token; local mode (no account exists
 * yet: everyone is the local user, as before accounts existed); a better-auth session cookie.
 */
import {
  claimInviteForSignUp,
  type Db,
  describeInvite,
  findUserProfile,
  hasAccounts,
  joinClaimedInvite,
  type LocalScope,
  localModeScope,
  releaseInviteClaim,
  userIdForApiToken,
} from "@actlab/db";
import type { Redis } from "ioredis";
import { isLoopbackHost } from "../network";
import { createAttemptLimiter } from "./attempt-limiter";
import { createAuthLimits } from "./auth-limits";
import { trustedProxies } from "./client-address";
import type { Auth } from "./create-auth";
import type { SetupLink } from "./setup-link";

export const WORKSPACE_COOKIE = "actlab-workspace";
/** The project picked in the UI among the current workspace's: a preference, like the workspace cookie. */
export const PROJECT_COOKIE = "actlab-project";

export type RequestUser = {
  userId: string | null;
  via: "token" | "local" | "session" | "none";
  /** Set-Cookie headers to pass on (a rolled session gets a fresh expiry). */
  setCookies: string[];
};

export function readCookie(req: { headers: Headers }, name: string): string | null {
  const header = req.headers.get("cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return decodeURIComponent(v.join("="));
  }
  return null;
}

export type SignupMode = "open" | "invite";

/** How the server is reached: what Host it answers to, whether only this machine can reach it. */
export type NetworkOptions = {
  publicUrl: URL;
  /** Bound to loopback: only this machine's users reach the port, so local mode is theirs. */
  bindsLoopback: boolean;
  maxBodyBytes: number;
  /** On a network bind with no account yet: the link that alone may create the first owner. */
  setupLink: SetupLink | null;
  /** Peers whose X-Forwarded-For names the client (ACTLAB_TRUSTED_PROXIES); nobody's by default. */
  trustedProxies: readonly string[];
};

export const LOOPBACK_NETWORK: NetworkOptions = {
  publicUrl: new URL("http://localhost:3000"),
  bindsLoopback: true,
  maxBodyBytes: 1_048_576,
  setupLink: null,
  trustedProxies: [],
};

export function createRequestAuth(
  db: Db,
  auth: Auth,
  {
    redis,
    signup = "open",
    network = LOOPBACK_NETWORK,
  }: { redis: Redis; signup?: SignupMode; network?: NetworkOptions },
) {
  // Accounts never disappear, so once one exists local mode is over for this process: stop asking.
  let accounts = false;
  let local: Promise<LocalScope | null> | null = null;

  async function isLocalMode(): Promise<boolean> {
    if (accounts) return false;
    accounts = await hasAccounts(db);
    return !accounts;
  }

  /**
   * Local mode (no account yet, everyone is owner) only for this machine: on a loopback bind, and for
   * a loopback Host, so a DNS-rebinding page naming our public name gets nothing.
   */
  function mayUseLocalMode(req: Request): boolean {
    return network.bindsLoopback && isLoopbackHost(req.headers.get("host") ?? new URL(req.url).host);
  }

  async function localUserId(): Promise<string | null> {
    local ??= localModeScope(db);
    const scope = await local;
    // The first sign-up deletes the local user: forget the cached scope so nobody acts as a ghost.
    if (!scope || !(await findUserProfile(db, scope.userId))) {
      local = null;
      return null;
    }
    return scope.userId;
  }

  async function userFor(req: Request): Promise<RequestUser> {
    const authorization = req.headers.get("authorization");
    if (authorization?.toLowerCase().startsWith("bearer ")) {
      const userId = await userIdForApiToken(db, authorization.slice(7).trim());
      return { userId, via: userId ? "token" : "none", setCookies: [] };
    }
    if (mayUseLocalMode(req) && (await isLocalMode())) {
      const userId = await localUserId();
      if (userId) return { userId, via: "local", setCookies: [] };
    }
    const { headers, response } = await auth.api.getSession({ headers: req.headers, returnHeaders: true });
    const setCookies = headers.getSetCookie();
    if (!response) return { userId: null, via: "none", setCookies };
    return { userId: response.user.id, via: "session", setCookies };
  }

  const refuseOverLimit = createAuthLimits(createAttemptLimiter(redis), async (req) => {
    const session = await auth.api.getSession({ headers: req.headers });
    return session?.user.id ?? null;
  });
  /**
   * Whether a new account may be created. The first one always may (it claims the instance); after
   * that, in invite mode, only with a link that still works: one of any workspace, unused, unexpired.
   */
  async function maySignUp(inviteToken: string | null): Promise<boolean> {
    if (signup === "open" || (await isLocalMode())) return true; // the first one: see signUp's own rules
    return inviteToken !== null && (await describeInvite(db, inviteToken)).ok;
  }

  /**
   * A sign-up through an invite link: the link is used up first, so of parallel sign-ups with one link
   * only one creates an account; the account then joins, or, when it could not be created, the link
   * works again. Returns the handler's response, or null when the link does not work (any more).
   */
  async function signUpThroughInvite(
    inviteToken: string,
    createAccount: () => Promise<Response>,
  ): Promise<Response | null> {
    const claim = await claimInviteForSignUp(db, inviteToken);
    if (!claim.ok) return null;
    let userId: string | null = null;
    try {
      const res = await createAccount();
      userId = res.ok ? await createdUserId(res) : null;
      return res;
    } finally {
      if (userId) await joinClaimedInvite(db, claim.inviteId, userId);
      else await releaseInviteClaim(db, claim.inviteId);
    }
  }

  /** First sign-ups take turns in this process, so two at once cannot both claim the instance. */
  let firstSignUps: Promise<unknown> = Promise.resolve();
  function serialiseFirstSignUp<T>(run: () => Promise<T>): Promise<T> {
    const next = firstSignUps.then(run, run);
    firstSignUps = next.catch(() => {});
    return next;
  }

  return {
    auth,
    userFor,
    isLocalMode,
    mayUseLocalMode,
    maySignUp,
    signUpThroughInvite,
    serialiseFirstSignUp,
    signup,
    refuseOverLimit,
    trustedProxies: trustedProxies(network.trustedProxies),
    network,
  };
}

export type RequestAuth = ReturnType<typeof createRequestAuth>;

/** The id of the account better-auth's sign-up response reports, if it created one. */
async function createdUserId(res: Response): Promise<string | null> {
  const body = (await res
    .clone()
    .json()
    .catch(() => null)) as { user?: { id?: unknown } } | null;
  return typeof body?.user?.id === "string" ? body.user.id : null;
}
