/**
 * The better-auth instance: email + password accounts stored through Prisma, sessions in httpOnly
 * SameSite=Lax cookies that last 7 days and roll forward daily. Sign-in, sign-up and password changes
 * are limited before it sees them (auth-limits.ts); its own limit on the rest counts in Redis too.
 */
import { authDatabase, type Db, onUserCreated } from "@actlab/db";
import { betterAuth } from "better-auth";
import type { Redis } from "ioredis";
import { createAttemptLimiter } from "./attempt-limiter";
import { CLIENT_ADDRESS_HEADER } from "./client-address";

export const SESSION_DAYS = 7;

export type AuthOptions = {
  db: Db;
  secret: string;
  /** Where rate-limit counters live, shared by every web process. */
  redis: Redis;
  /** Cookies get `Secure` only when the app is served over https (a LAN install over http must work). */
  secureCookies?: boolean;
};

export function createAuth({ db, secret, redis, secureCookies = false }: AuthOptions) {
  const limiter = createAttemptLimiter(redis);
  return betterAuth({
    appName: "Actlab",
    secret,
    // Self-hosted on whatever host and port: the base URL is the request's own, and our route handler
    // refuses cross-origin writes before better-auth sees them (see csrf.ts).
    baseURL: { allowedHosts: ["*"], protocol: secureCookies ? "https" : "http" },
    basePath: "/api/auth",
    database: authDatabase(db),
    emailAndPassword: { enabled: true, minPasswordLength: 8, maxPasswordLength: 128, autoSignIn: true },
    session: {
      expiresIn: SESSION_DAYS * 24 * 3600,
      // Rolling: a session used at least a day after its last refresh is extended by another 7 days.
      updateAge: 24 * 3600,
    },
    rateLimit: {
      // better-auth only limits in production by default; we want it everywhere (tests included).
      enabled: true,
      window: 60,
      max: 300,
      customStorage: {
        async consume(key, rule) {
          const { allowed, retryAfterS } = await limiter.hit(`better-auth|${key}`, rule);
          return { allowed, retryAfter: allowed ? null : retryAfterS };
        },
      },
      // Counted by handleAuthRequest, per address and per account, with a clear 429: not twice.
      customRules: { "/sign-in/email": false, "/sign-up/email": false, "/change-password": false },
    },
    advanced: {
      // Only the address handleAuthRequest resolved (X-Forwarded-For only from trusted proxies).
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
      useSecureCookies: secureCookies,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", path: "/" },
      cookiePrefix: "actlab",
    },
    telemetry: { enabled: false },
    databaseHooks: {
      user: {
        create: {
          // The first account inherits local mode's workspace and runs; later ones get their own.
          after: async (user) => {
            await onUserCreated(db, { id: user.id, name: user.name });
          },
        },
      },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
