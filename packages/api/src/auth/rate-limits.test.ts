/**
 * Sign-in, sign-up and password-change limits over real HTTP: counted per client address taken from the
 * socket (X-Forwarded-For only from a trusted proxy), per account, and in Redis, so two web processes
 * share them.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { testApiForSuite } from "../test-api";
import { startTestServer, type TestServer } from "../test-server";
import { LOOPBACK_NETWORK } from "./request-user";

const api = testApiForSuite();
let direct: TestServer;
let behindProxy: TestServer;
let secondProcess: TestServer;

beforeAll(async () => {
  direct = await startTestServer(api);
  secondProcess = await startTestServer(api);
  // Its peer (this machine) is the operator's reverse proxy.
  behindProxy = await startTestServer(api, {
    network: { ...LOOPBACK_NETWORK, trustedProxies: ["127.0.0.0/8"] },
  });
}, 60_000);
afterAll(async () => {
  for (const s of [direct, behindProxy, secondProcess]) await s?.close();
});
beforeEach(async () => {
  await api.deps.redis.flushall();
});

function post(server: TestServer, path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${server.url}/api/auth/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.url, ...headers },
    body: JSON.stringify(body),
  });
}

const signIn = (server: TestServer, email: string, forwardedFor: string) =>
  post(server, "sign-in/email", { email, password: "wrong password!" }, { "x-forwarded-for": forwardedFor });

async function statusesOf(attempts: (() => Promise<Response>)[]): Promise<number[]> {
  const statuses: number[] = [];
  for (const attempt of attempts) statuses.push((await attempt()).status);
  return statuses;
}

const times = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));

// Each attempt hashes a password (scrypt): a few hundred ms apiece.
describe("rate limits", { timeout: 30_000 }, () => {
  it("limits 20 sign-ins from one untrusted peer whatever X-Forwarded-For it sends", async () => {
    const statuses = await statusesOf(
      times(20, (i) => () => signIn(direct, `nobody${i}@example.com`, `198.51.100.${i}`)),
    );
    expect(statuses.slice(0, 10)).toEqual(times(10, () => 401));
    expect(statuses.slice(10)).toEqual(times(10, () => 429));
  });

  it("answers 429 with a clear message and Retry-After", async () => {
    for (let i = 0; i < 10; i++) await signIn(direct, `someone${i}@example.com`, "203.0.113.1");
    const refused = await signIn(direct, "someone@example.com", "203.0.113.1");
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await refused.json()).toEqual({
      code: "TOO_MANY_ATTEMPTS",
      message: `too many sign-in attempts from this address: try again in ${retryAfter} s`,
    });
  });

  it("from a trusted proxy counts by the client X-Forwarded-For names, read from the right", async () => {
    const attempts = await statusesOf(
      times(10, (i) => () => signIn(behindProxy, `a${i}@example.com`, "203.0.113.5")),
    );
    expect(attempts).toEqual(times(10, () => 401));
    expect((await signIn(behindProxy, "b@example.com", "203.0.113.5")).status).toBe(429);
    // A forged entry on the left is not the client: the proxy appended the real one on the right.
    expect((await signIn(behindProxy, "c@example.com", "198.51.100.7, 203.0.113.5")).status).toBe(429);
    expect((await signIn(behindProxy, "d@example.com", "203.0.113.6")).status).toBe(401);
  });

  it("shares the count between two web processes on one Redis", async () => {
    const servers = [direct, secondProcess];
    const statuses = await statusesOf(
      times(12, (i) => () => signIn(servers[i % 2] as TestServer, "shared@example.com", `198.51.100.${i}`)),
    );
    expect(statuses.slice(0, 10)).toEqual(times(10, () => 401));
    expect(statuses.slice(10)).toEqual([429, 429]);
    expect((await api.deps.redis.keys("actlab:limit:*")).length).toBeGreaterThan(0);
  });

  it("limits sign-ups and password changes from one peer whatever X-Forwarded-For it sends", async () => {
    const signUps = await statusesOf(
      times(
        11,
        (i) => () =>
          post(
            direct,
            "sign-up/email",
            { name: `u${i}`, email: `u${i}@example.com`, password: "short" },
            {
              "x-forwarded-for": `198.51.100.${i}`,
            },
          ),
      ),
    );
    expect(signUps.slice(0, 10).every((s) => s === 400)).toBe(true);
    expect(signUps[10]).toBe(429);

    await api.deps.redis.flushall();
    const account = { name: "Pat", email: "pat@example.com", password: "correct horse battery" };
    const created = await post(direct, "sign-up/email", account);
    expect(created.status, await created.clone().text()).toBe(200);
    const cookie = created.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const changes = await statusesOf(
      times(
        11,
        (i) => () =>
          post(
            direct,
            "change-password",
            { currentPassword: "not it", newPassword: "whatever else" },
            {
              cookie,
              "x-forwarded-for": `198.51.100.${i}`,
            },
          ),
      ),
    );
    expect(changes.slice(0, 10).every((s) => s === 400)).toBe(true);
    expect(changes[10]).toBe(429);
  });
});
