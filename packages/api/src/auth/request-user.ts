/**
 * Who a request acts as. In order: an `Authorization: Bearer` API token; local mode (no account exists
 * yet: everyone is the local user, as before accounts existed); a better-auth session cookie.
 */
import {
  acceptInvite,
  type Db,
  describeInvite,
  hasAccounts,
  type LocalScope,
  localModeScope,
  userIdForApiToken,
} from "@actlab/db";
import { createAttemptLimiter } from "./attempt-limiter";
import { type Auth, SIGN_IN_LIMIT } from "./create-auth";

export const WORKSPACE_COOKIE = "actlab-workspace";

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

export function createRequestAuth(db: Db, auth: Auth, { signup = "open" }: { signup?: SignupMode } = {}) {
  // Accounts never disappear, so once one exists local mode is over for this process: stop asking.
  let accounts = false;
  let local: Promise<LocalScope | null> | null = null;

  async function isLocalMode(): Promise<boolean> {
    if (accounts) return false;
    accounts = await hasAccounts(db);
    return !accounts;
  }

  async function localUserId(): Promise<string | null> {
    local ??= localModeScope(db);
    const scope = await local;
    // The first sign-up deletes the local user: forget the cached scope so nobody acts as a ghost.
    if (!scope || !(await db.prisma.user.findUnique({ where: { id: scope.userId } }))) {
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
    if (await isLocalMode()) {
      const userId = await localUserId();
      if (userId) return { userId, via: "local", setCookies: [] };
    }
    const { headers, response } = await auth.api.getSession({ headers: req.headers, returnHeaders: true });
    const setCookies = headers.getSetCookie();
    if (!response) return { userId: null, via: "none", setCookies };
    return { userId: response.user.id, via: "session", setCookies };
  }

  // Per account, as many attempts per minute as better-auth allows per address.
  const signInAttempts = createAttemptLimiter({ windowS: SIGN_IN_LIMIT.window, max: SIGN_IN_LIMIT.max });
  /**
   * Whether a new account may be created. The first one always may (it claims the instance); after
   * that, in invite mode, only with a link that still works: one of any workspace, unused, unexpired.
   */
  async function maySignUp(inviteToken: string | null): Promise<boolean> {
    if (signup === "open" || (await isLocalMode())) return true;
    return inviteToken !== null && (await describeInvite(db, inviteToken)).ok;
  }

  /** A sign-up that came through an invite link joins at once: the link is used up with the account. */
  async function joinInvite(inviteToken: string, userId: string): Promise<void> {
    await acceptInvite(db, inviteToken, userId);
  }

  return { auth, userFor, isLocalMode, maySignUp, joinInvite, signup, signInAttempts };
}

export type RequestAuth = ReturnType<typeof createRequestAuth>;
