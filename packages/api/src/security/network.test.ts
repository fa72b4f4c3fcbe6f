/** The server as a network sees it, over real HTTP: Host check, local mode, setup link, body limit. */
import { randomBytes } from "node:crypto";
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSetupLink, LOOPBACK_NETWORK, SETUP_HEADER } from "../auth";
import { testApiForSuite } from "../test-api";
import { startTestServer, type TestServer } from "../test-server";

/** node:http, because fetch will not send a Host other than the URL's. */
function send(
  port: number,
  options: { path: string; method?: string; host: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        path: options.path,
        method: options.method ?? "GET",
        headers: { host: options.host, "content-type": "application/json", ...options.headers },
      },
      (res) => {
        let body = "";
        res.on("data", (d) => {
          body += d;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

const PASSWORD = "correct-horse-1";
const account = (email: string) => JSON.stringify({ name: "Ann", email, password: PASSWORD });

describe("a server on loopback, no account yet", () => {
  const api = testApiForSuite();
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(api, {
      network: { ...LOOPBACK_NETWORK, publicUrl: new URL("http://actlab.lan:3000"), maxBodyBytes: 64 * 1024 },
    });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });

  it("refuses a request naming a Host that is neither the public URL nor loopback", async () => {
    const res = await send(server.port, { path: "/api/trpc/workspaces.me", host: "evil.example" });
    expect(res.status).toBe(421);
    expect(res.body).toMatch(/open this Actlab at http:\/\/actlab\.lan:3000/);
    const upload = await send(server.port, {
      path: "/api/datasets?name=x",
      method: "POST",
      host: "evil.example",
      body: "a,y\n1,2\n",
    });
    expect(upload.status).toBe(421);
  });

  it("gives local mode to a loopback Host only, not to the public name a rebinding page uses", async () => {
    const local = await send(server.port, {
      path: "/api/trpc/workspaces.me",
      host: `localhost:${server.port}`,
    });
    expect(JSON.parse(local.body).result.data.json.localMode).toBe(true);
    const remote = await send(server.port, { path: "/api/trpc/workspaces.me", host: "actlab.lan:3000" });
    expect(remote.body).not.toMatch(/local@actlab/);
    expect(JSON.parse(remote.body).result?.data?.json?.localMode ?? false).toBe(false);
  });

  it("refuses a body over the limit with 413, declared or streamed", async () => {
    const big = "x".repeat(65 * 1024);
    const declared = await send(server.port, {
      path: "/api/trpc/runs.create",
      method: "POST",
      host: `localhost:${server.port}`,
      body: JSON.stringify({ json: { pad: big } }),
    });
    expect(declared.status).toBe(413);
    const streamed = await send(server.port, {
      path: "/api/auth/sign-in/email",
      method: "POST",
      host: `localhost:${server.port}`,
      headers: { "transfer-encoding": "chunked" },
      body: JSON.stringify({ email: big, password: "x" }),
    });
    expect(streamed.status).toBe(413);
  });
});

describe("two web processes open to the network, sharing the database and the secret, no account yet", () => {
  const api = testApiForSuite();
  const secret = randomBytes(32).toString("base64url");
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    const network = () => ({
      ...LOOPBACK_NETWORK,
      bindsLoopback: false,
      setupLink: createSetupLink(api.db, secret),
    });
    a = await startTestServer(api, { network: network(), authSecret: secret, signup: "invite" });
    b = await startTestServer(api, { network: network(), authSecret: secret, signup: "invite" });
  }, 60_000);
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  const signUp = (server: TestServer, email: string, headers: Record<string, string> = {}) =>
    send(server.port, {
      path: "/api/auth/sign-up/email",
      method: "POST",
      host: `localhost:${server.port}`,
      headers,
      body: account(email),
    });

  it("has no local mode: nobody is owner by reaching the port", async () => {
    const res = await send(a.port, {
      path: "/api/trpc/workspaces.me",
      host: `localhost:${a.port}`,
    });
    expect(res.body).not.toMatch(/local@actlab/);
    expect(JSON.parse(res.body).result?.data?.json?.localMode ?? false).toBe(false);
  });

  it("print the same setup link, which another secret does not make", () => {
    const token = a.requestAuth.network.setupLink?.token();
    expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(b.requestAuth.network.setupLink?.token()).toBe(token);
    expect(createSetupLink(api.db, randomBytes(32).toString("base64url")).token()).not.toBe(token);
  });

  it("create the first owner only through the setup link, once, even with a sign-up at each at once", async () => {
    const token = a.requestAuth.network.setupLink?.token() ?? "";
    const without = await signUp(a, "stranger@example.com");
    expect(without.status).toBe(403);
    expect(without.body).toMatch(/SETUP_LINK_REQUIRED/);
    const wrong = await signUp(b, "stranger@example.com", { [SETUP_HEADER]: "not-the-token" });
    expect(wrong.status).toBe(403);
    const [first, second] = await Promise.all([
      signUp(a, "owner-a@example.com", { [SETUP_HEADER]: token }),
      signUp(b, "owner-b@example.com", { [SETUP_HEADER]: token }),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    // Spent: on an invite-only server the link makes no other account, on either process.
    for (const server of [a, b]) {
      const again = await signUp(server, "late@example.com", { [SETUP_HEADER]: token });
      expect(again.status).toBe(403);
      expect(again.body).toMatch(/INVITE_REQUIRED/);
    }
  });

  it("accept on one the session the other signed in", async () => {
    const owner = (
      await Promise.all(
        ["owner-a@example.com", "owner-b@example.com"].map((email) =>
          send(a.port, {
            path: "/api/auth/sign-in/email",
            method: "POST",
            host: `localhost:${a.port}`,
            body: JSON.stringify({ email, password: PASSWORD }),
          }),
        ),
      )
    ).find((res) => res.status === 200);
    const cookie = String(owner?.headers["set-cookie"]?.[0] ?? "").split(";")[0] ?? "";
    expect(cookie).toMatch(/session_token=/);
    const me = await send(b.port, {
      path: "/api/trpc/workspaces.me",
      host: `localhost:${b.port}`,
      headers: { cookie },
    });
    expect(me.status).toBe(200);
    expect(me.body).toMatch(/owner-[ab]@example\.com/);
  });
});

describe("a server whose public URL is https", () => {
  const api = testApiForSuite();
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(api, {
      network: { ...LOOPBACK_NETWORK, publicUrl: new URL("https://actlab.example.org") },
    });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });

  it("sets the session cookie Secure (and HttpOnly), so it never travels over plain http", async () => {
    const res = await send(server.port, {
      path: "/api/auth/sign-up/email",
      method: "POST",
      host: `localhost:${server.port}`,
      body: account("secure@example.com"),
    });
    expect(res.status).toBe(200);
    const session = (res.headers["set-cookie"] ?? []).find((c) => /session_token=/.test(c));
    expect(session).toMatch(/;\s*Secure/i);
    expect(session).toMatch(/;\s*HttpOnly/i);
  });
});
