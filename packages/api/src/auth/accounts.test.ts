/** Accounts over real HTTP: local mode, the first sign-up taking over, sessions, sign-out, rate limit, CSRF, tokens. */

import { prismaForTests } from "@actlab/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApiForSuite } from "../test-api";
import { startTestServer, type TestServer } from "../test-server";
import { LOOPBACK_NETWORK } from "./request-user";

const api = testApiForSuite();
let server: TestServer;

beforeAll(async () => {
  // It plays the reverse proxy's server: the X-Forwarded-For these tests send names the client.
  server = await startTestServer(api, { network: { ...LOOPBACK_NETWORK, trustedProxies: ["127.0.0.1"] } });
}, 60_000);
afterAll(async () => {
  await server?.close();
});

const CONFIG = {
  dataset: { kind: "generated", name: "moons" },
  hiddenLayers: [4],
  activation: "relu",
  epochs: 1,
};

function cookieOf(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

async function trpcGet(path: string, headers: Record<string, string> = {}, input?: unknown) {
  const q = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  return fetch(`${server.url}/api/trpc/${path}${q}`, { headers });
}

async function trpcPost(path: string, input: unknown, headers: Record<string, string> = {}) {
  return fetch(`${server.url}/api/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ json: input }),
  });
}

async function signUp(name: string, email: string, password = "correct horse battery") {
  return fetch(`${server.url}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.url },
    body: JSON.stringify({ name, email, password }),
  });
}

describe("accounts", () => {
  let ownerCookie = "";
  let localRunId = "";

  it("acts as the local user while no account exists", async () => {
    const me = await (await trpcGet("workspaces.me")).json();
    expect(me.result.data.json.user.email).toBe("local@actlab.invalid");
    expect(me.result.data.json.localMode).toBe(true);
    const created = await trpcPost("runs.create", { config: CONFIG }, { origin: server.url });
    const body = await created.json();
    expect(created.status, JSON.stringify(body)).toBe(200);
    localRunId = body.result.data.json.id;
    expect(localRunId).toBeTruthy();
  });

  it("makes the first sign-up the owner of the local workspace, with its runs", async () => {
    const res = await signUp("Olivia Owner", "olivia@example.com");
    expect(res.status, await res.clone().text()).toBe(200);
    const setCookie = res.headers.getSetCookie().join("\n");
    expect(setCookie).toMatch(/actlab\.session_token=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Max-Age=604800/);
    ownerCookie = cookieOf(res);
    const me = (await (await trpcGet("workspaces.me", { cookie: ownerCookie })).json()).result.data.json;
    expect(me.user.email).toBe("olivia@example.com");
    expect(me.current).toMatchObject({ id: api.workspaceId, role: "OWNER" });
    const list = await (await trpcGet("runs.list", { cookie: ownerCookie }, {})).json();
    expect(JSON.stringify(list)).toContain(localRunId);
    expect(
      await prismaForTests(api.db).user.findUnique({ where: { email: "local@actlab.invalid" } }),
    ).toBeNull();
  });

  it("requires a session once an account exists", async () => {
    const res = await trpcGet("runs.list", {}, {});
    expect(res.status).toBe(401);
  });

  it("gives a later sign-up a workspace of its own and nothing of the first one's", async () => {
    const res = await signUp("Sam Second", "sam@example.com");
    expect(res.status).toBe(200);
    const cookie = cookieOf(res);
    const me = (await (await trpcGet("workspaces.me", { cookie })).json()).result.data.json;
    expect(me.workspaces).toHaveLength(1);
    expect(me.current.id).not.toBe(api.workspaceId);
    const foreign = await trpcGet("runs.get", { cookie }, { runId: localRunId, projectId: api.projectId });
    expect(foreign.status).toBe(404);
  });

  it("signs out: the old cookie no longer works", async () => {
    const signIn = await fetch(`${server.url}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: server.url },
      body: JSON.stringify({ email: "sam@example.com", password: "correct horse battery" }),
    });
    expect(signIn.status).toBe(200);
    const cookie = cookieOf(signIn);
    expect((await trpcGet("workspaces.me", { cookie })).status).toBe(200);
    const out = await fetch(`${server.url}/api/auth/sign-out`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: server.url, cookie },
      body: "{}",
    });
    expect(out.status).toBe(200);
    expect((await trpcGet("workspaces.me", { cookie })).status).toBe(401);
  });

  it("changes a password: the current one is checked, other sessions end, the new one signs in", async () => {
    const signIn = (password: string) =>
      fetch(`${server.url}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: server.url },
        body: JSON.stringify({ email: "sam@example.com", password }),
      });
    const laptop = cookieOf(await signIn("correct horse battery"));
    const phone = cookieOf(await signIn("correct horse battery"));
    const change = (currentPassword: string) =>
      fetch(`${server.url}/api/auth/change-password`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: server.url, cookie: laptop },
        body: JSON.stringify({
          currentPassword,
          newPassword: "battery staple horse",
          revokeOtherSessions: true,
        }),
      });
    const wrong = await change("not my password");
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).code).toBe("INVALID_PASSWORD");
    const changed = await change("correct horse battery");
    expect(changed.status).toBe(200);
    expect((await trpcGet("workspaces.me", { cookie: cookieOf(changed) })).status).toBe(200);
    expect((await trpcGet("workspaces.me", { cookie: phone })).status).toBe(401);
    expect((await signIn("correct horse battery")).status).toBe(401);
    expect((await signIn("battery staple horse")).status).toBe(200);
  });

  it("refuses a state-changing request from another origin", async () => {
    const evil = await trpcPost(
      "tokens.create",
      { name: "x" },
      { cookie: ownerCookie, origin: "http://evil.example" },
    );
    expect(evil.status).toBe(403);
    const crossSite = await trpcPost(
      "tokens.create",
      { name: "x" },
      { cookie: ownerCookie, "sec-fetch-site": "cross-site" },
    );
    expect(crossSite.status).toBe(403);
    const authEvil = await fetch(`${server.url}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: "http://evil.example" },
      body: JSON.stringify({ name: "Eve", email: "eve@example.com", password: "correct horse battery" }),
    });
    expect(authEvil.status).toBe(403);
    const same = await trpcPost("tokens.create", { name: "x" }, { cookie: ownerCookie, origin: server.url });
    expect(same.status).toBe(200);
  });

  it("lets an API token act as its user until it is revoked, then refuses it at once", async () => {
    const created = await trpcPost(
      "tokens.create",
      { name: "script" },
      { cookie: ownerCookie, origin: server.url },
    );
    const { token, id } = (await created.json()).result.data.json;
    expect(token).toMatch(/^actlab_/);
    const stored = await prismaForTests(api.db).apiToken.findUniqueOrThrow({ where: { id } });
    expect(stored.tokenHash).not.toContain(token);
    const bearer = { authorization: `Bearer ${token}` };
    const runs = await trpcGet("runs.list", bearer, {});
    expect(runs.status).toBe(200);
    expect(JSON.stringify(await runs.json())).toContain(localRunId);
    const listed = await (await trpcGet("tokens.list", { cookie: ownerCookie })).json();
    expect(JSON.stringify(listed)).not.toContain(token);
    const revoked = await trpcPost(
      "tokens.revoke",
      { tokenId: id },
      { cookie: ownerCookie, origin: server.url },
    );
    expect(revoked.status).toBe(200);
    expect((await trpcGet("runs.list", bearer, {})).status).toBe(401);
    expect((await trpcGet("runs.list", { authorization: "Bearer actlab_made-up" }, {})).status).toBe(401);
  });

  it("rate-limits sign-in attempts from one address", async () => {
    const attempt = () =>
      fetch(`${server.url}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: server.url, "x-forwarded-for": "203.0.113.9" },
        body: JSON.stringify({ email: "olivia@example.com", password: "wrong password!" }),
      });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await attempt()).status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it("rate-limits sign-in attempts on one account from many forged addresses", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await fetch(`${server.url}/api/auth/sign-in/email`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          origin: server.url,
          "x-forwarded-for": `198.51.100.${i}`,
        },
        body: JSON.stringify({ email: "Nobody@Example.com", password: "wrong password!" }),
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });
});

describe("invite-only sign-up", () => {
  const inviteApi = testApiForSuite();
  let inviteServer: TestServer;
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${inviteServer.url}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: inviteServer.url, ...headers },
      body: JSON.stringify(body),
    });
  const account = (name: string) => ({
    name,
    email: `${name}@example.com`,
    password: "correct horse battery",
  });

  beforeAll(async () => {
    inviteServer = await startTestServer(inviteApi, { signup: "invite" });
  }, 60_000);
  afterAll(async () => {
    await inviteServer?.close();
  });

  it("lets the first account claim the instance, then refuses sign-ups without a working invite", async () => {
    const owner = await post(account("owner"));
    expect(owner.status).toBe(200);
    const cookie = cookieOf(owner);

    const stranger = await post(account("stranger"));
    expect(stranger.status).toBe(403);
    expect((await stranger.json()).code).toBe("INVITE_REQUIRED");
    const forged = await post(account("forger"), { "x-actlab-invite": "inv_not-a-real-one" });
    expect(forged.status).toBe(403);

    const me = await (
      await fetch(`${inviteServer.url}/api/trpc/workspaces.me`, { headers: { cookie } })
    ).json();
    const created = await fetch(`${inviteServer.url}/api/trpc/workspaces.createInvite`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie, origin: inviteServer.url },
      body: JSON.stringify({ json: { workspaceId: me.result.data.json.current.id, role: "EDITOR" } }),
    });
    expect(created.status).toBe(200);
    const path = (await created.json()).result.data.json.path as string;
    const token = path.replace("/invite/", "");
    const invited = await post(account("invited"), { "x-actlab-invite": token });
    expect(invited.status).toBe(200);
    // Signing up through the link joined the workspace and used the link up: it opens no second account.
    const joined = await (
      await fetch(`${inviteServer.url}/api/trpc/workspaces.me`, { headers: { cookie: cookieOf(invited) } })
    ).json();
    expect(joined.result.data.json.workspaces.map((w: { role: string }) => w.role)).toContain("EDITOR");
    expect((await post(account("second"), { "x-actlab-invite": token })).status).toBe(403);
  });
});
