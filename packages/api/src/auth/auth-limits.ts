/**
 * Limits on the endpoints that check a password or create an account, counted in Redis before
 * better-auth sees the request: per client address (see client-address.ts) and, where there is one, per
 * account, so neither many addresses against one account nor one address against many accounts gets far.
 */
import type { AttemptLimiter, LimitRule } from "./attempt-limiter";

/** Sign-in attempts per client address, and per account, per minute; the 11th gets 429. */
export const SIGN_IN_LIMIT: LimitRule = { window: 60, max: 10 };
export const SIGN_UP_LIMIT: LimitRule = { window: 60, max: 10 };

type Guarded = {
  label: string;
  rule: LimitRule;
  /** The account the attempt is against, if the request names one. */
  account(req: Request): Promise<string | null>;
};

async function emailOf(req: Request): Promise<string | null> {
  const body = (await req
    .clone()
    .json()
    .catch(() => null)) as { email?: unknown } | null;
  return typeof body?.email === "string" ? body.email.trim().toLowerCase() : null;
}

/**
 * `sessionUserId`: who is signed in. A password change checks the current password, so a stolen
 * session must not turn into a fast guessing loop.
 */
export function createAuthLimits(
  limiter: AttemptLimiter,
  sessionUserId: (req: Request) => Promise<string | null>,
) {
  const guarded: Record<string, Guarded> = {
    "/sign-in/email": { label: "sign-in", rule: SIGN_IN_LIMIT, account: emailOf },
    "/sign-up/email": { label: "sign-up", rule: SIGN_UP_LIMIT, account: async () => null },
    "/change-password": { label: "password change", rule: SIGN_IN_LIMIT, account: sessionUserId },
  };

  /** The 429 to answer if this attempt is over a limit, else null (the attempt is counted either way). */
  return async function refuseOverLimit(req: Request, client: string | null): Promise<Response | null> {
    if (req.method !== "POST") return null;
    const pathname = new URL(req.url).pathname;
    const endpoint = Object.keys(guarded).find((suffix) => pathname.endsWith(suffix));
    if (!endpoint) return null;
    const { label, rule, account } = guarded[endpoint] as Guarded;
    const who = await account(req);
    const counted = [
      {
        over: "from this address",
        verdict: await limiter.hit(`${endpoint}|address|${client ?? "unknown"}`, rule),
      },
      ...(who
        ? [{ over: "for this account", verdict: await limiter.hit(`${endpoint}|account|${who}`, rule) }]
        : []),
    ];
    const refused = counted.filter((c) => !c.verdict.allowed);
    if (refused.length === 0) return null;
    const over = refused.map((c) => c.over).join(" and ");
    const retryAfterS = Math.max(...refused.map((c) => c.verdict.retryAfterS));
    return Response.json(
      {
        code: "TOO_MANY_ATTEMPTS",
        message: `too many ${label} attempts ${over}: try again in ${retryAfterS} s`,
      },
      { status: 429, headers: { "retry-after": String(retryAfterS) } },
    );
  };
}

export type RefuseOverLimit = ReturnType<typeof createAuthLimits>;
