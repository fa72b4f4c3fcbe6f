/**
 * The better-auth instance: email + password accounts stored through Prisma, sessions in httpOnly
 * SameSite=Lax cookies that last 7 days and roll forward daily, rate-limited sign-in and sign-up.
 */
import { type Db, onUserCreated } from "@actlab/db";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";

export const SESSION_DAYS = 7;
/** Sign-in attempts per client address per minute; the 11th gets 429 until the minute has passed. */
export const SIGN_IN_LIMIT = { window: 60, max: 10 } as const;

export type AuthOptions = {
  db: Db;
  secret: string;
  /** Cookies get `Secure` only when the app is served over https (a LAN install over http must work). */
  secureCookies?: boolean;
};

export function createAuth({ db, secret, secureCookies = false }: AuthOptions) {
  return betterAuth({
    appName: "Actlab",
    secret,
    // Self-hosted on whatever host and port: the base URL is the request's own, and our route handler
    // refuses cross-origin writes before better-auth sees them (see csrf.ts).
    baseURL: { allowedHosts: ["*"], protocol: secureCookies ? "https" : "http" },
    basePath: "/api/auth",
    database: prismaAdapter(db.prisma, { provider: "sqlite", transaction: false }),
    emailAndPassword: { enabled: true, minPasswordLength: 8, maxPasswordLength: 128, autoSignIn: true },
    session: {
      expiresIn: SESSION_DAYS * 24 * 3600,
      // Rolling: a session used at least a day after its last refresh is extended by another 7 days.
      updateAge: 24 * 3600,
    },
    rateLimit: {
      // better-auth only limits in production by default; we want it everywhere (tests included).
      enabled: true,
      storage: "memory",
      window: 60,
      max: 300,
      customRules: {
        "/sign-in/email": SIGN_IN_LIMIT,
        "/sign-up/email": { window: 60, max: 10 },
        // It checks the current password: a stolen session must not turn into a fast guessing loop.
        "/change-password": SIGN_IN_LIMIT,
      },
    },
    advanced: {
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
