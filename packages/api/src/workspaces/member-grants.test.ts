/**
 * What a member handed out (invite links, share links) over real HTTP: it goes when they leave or lose
 * the role it needs, an invite is checked against its creator's role when it is used, and one invite
 * link opens one account however many sign-ups race on it.
 */

import { prismaForTests } from "@actlab/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOOPBACK_NETWORK } from "../auth";
import { testApiForSuite } from "../test-api";
import { startTestServer, type TestServer } from "../test-server";

const api = testApiForSuite();
let server: TestServer;

beforeAll(async () => {
  // Behind a trusted proxy, each sign-up from its own client: the sign-up limit is not what this is about.
  const network = { ...LOOPBACK_NETWORK, trustedProxies: ["127.0.0.1"] };
  server = await startTestServer(api, { signup: "invite", network });
}, 60_000);
afterAll(async () => {
  await server?.close();
});

const cookieOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");

let clients = 0;
function signUp(name: string, invite?: string) {
  clients += 1;
  return fetch(`${server.url}/api/auth/sign-up/email`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      origin: server.url,
      "x-forwarded-for": `198.51.100.${clients}`,
      ...(invite ? { "x-actlab-invite": invite } : {}),
    },
    body: JSON.stringify({ name, email: `${name}@example.com`, password: "correct horse battery" }),
  });
}

async function call(path: string, input: unknown, cookie = "") {
  const res = await fetch(`${server.url}/api/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.url, cookie },
    body: JSON.stringify({ json: input }),
  });
  const body = await res.json();
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
  return body.result.data.json;
}

/** What an anonymous visitor of a share link gets. */
async function visitShare(token: string): Promise<number> {
  const input = encodeURIComponent(JSON.stringify({ json: { token } }));
  return (await fetch(`${server.url}/api/trpc/share.view?input=${input}`)).status;
}

async function invite(cookie: string, role: string): Promise<string> {
  const { path } = await call("workspaces.createInvite", { workspaceId: api.workspaceId, role }, cookie);
  return path.replace("/invite/", "");
}

async function share(cookie: string, viewId: string): Promise<string> {
  return (await call("views.share", { projectId: api.projectId, viewId }, cookie)).token;
}

async function saveView(cookie: string, title: string): Promise<string> {
  const view = { projectId: api.projectId, title, state: "runs=r1&key=val%2Facc" };
  return (await call("views.create", view, cookie)).id;
}

/** A new account through an invite link: its cookie and user id. */
async function joinAs(name: string, token: string) {
  const res = await signUp(name, token);
  expect(res.status, await res.clone().text()).toBe(200);
  return { cookie: cookieOf(res), userId: (await res.json()).user.id as string };
}

let ownerCookie = "";

describe("what a member handed out", () => {
  beforeAll(async () => {
    const owner = await signUp("owner");
    expect(owner.status).toBe(200);
    ownerCookie = cookieOf(owner);
  });

  it("revokes a removed member's invites and share links", async () => {
    const bob = await joinAs("bob", await invite(ownerCookie, "OWNER"));
    const editorInvite = await invite(bob.cookie, "EDITOR");
    const link = await share(bob.cookie, await saveView(bob.cookie, "bob's"));
    const ownersLink = await share(ownerCookie, await saveView(ownerCookie, "the owner's"));
    expect(await visitShare(link)).toBe(200);

    await call("workspaces.removeMember", { workspaceId: api.workspaceId, userId: bob.userId }, ownerCookie);

    expect(await visitShare(link)).toBe(404);
    expect(await visitShare(ownersLink)).toBe(200);
    const late = await signUp("late", editorInvite);
    expect(late.status).toBe(403);
  });

  it("on demotion revokes the invites above the new role and the links it could not make", async () => {
    const carol = await joinAs("carol", await invite(ownerCookie, "OWNER"));
    const ownerInvite = await invite(carol.cookie, "OWNER");
    const editorInvite = await invite(carol.cookie, "EDITOR");
    const ownLink = await share(carol.cookie, await saveView(carol.cookie, "carol's"));
    // Only an owner may share someone else's view, so this link goes when Carol becomes an editor.
    const othersLink = await share(carol.cookie, await saveView(ownerCookie, "shared by carol"));

    const role = { workspaceId: api.workspaceId, userId: carol.userId, role: "EDITOR" };
    await call("workspaces.setRole", role, ownerCookie);

    expect(await visitShare(othersLink)).toBe(404);
    expect(await visitShare(ownLink)).toBe(200);
    expect((await signUp("would-be-owner", ownerInvite)).status).toBe(403);
    await joinAs("new-editor", editorInvite);

    await call("workspaces.setRole", { ...role, role: "VIEWER" }, ownerCookie);
    expect(await visitShare(ownLink)).toBe(404);
  });

  it("refuses an invite whose creator no longer holds the role it grants, when it is accepted", async () => {
    const dan = await joinAs("dan", await invite(ownerCookie, "OWNER"));
    const ownerInvite = await invite(dan.cookie, "OWNER");
    const viewerInvite = await invite(dan.cookie, "VIEWER");
    // A demotion that no revocation saw (it raced the invite's creation): the accept-time check holds.
    await prismaForTests(api.db).membership.update({
      where: { userId_workspaceId: { userId: dan.userId, workspaceId: api.workspaceId } },
      data: { role: "EDITOR" },
    });

    const eve = await joinAs("eve", await invite(ownerCookie, "VIEWER"));
    const described = await fetch(
      `${server.url}/api/trpc/workspaces.describeInvite?input=${encodeURIComponent(JSON.stringify({ json: { token: ownerInvite } }))}`,
      { headers: { cookie: eve.cookie } },
    );
    expect((await described.json()).result.data.json).toMatchObject({ ok: false });
    await expect(call("workspaces.acceptInvite", { token: ownerInvite }, eve.cookie)).rejects.toThrow(
      /can no longer grant its role/,
    );
    expect((await signUp("mallory", ownerInvite)).status).toBe(403);
    // What the creator may still grant still works.
    await joinAs("vince", viewerInvite);
  });
});

describe("invite-only sign-up", () => {
  it("creates exactly one account from five parallel sign-ups with one link", async () => {
    const token = await invite(ownerCookie, "EDITOR");
    const names = ["p1", "p2", "p3", "p4", "p5"];
    const statuses = (await Promise.all(names.map((n) => signUp(n, token)))).map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 403)).toHaveLength(4);
    const emails = names.map((n) => `${n}@example.com`);
    expect(await prismaForTests(api.db).user.count({ where: { email: { in: emails } } })).toBe(1);
    const used = await prismaForTests(api.db).invite.findMany({
      where: { usedAt: { not: null }, role: "EDITOR" },
    });
    const joined = await prismaForTests(api.db).user.findFirstOrThrow({ where: { email: { in: emails } } });
    expect(used.some((i) => i.usedById === joined.id)).toBe(true);
  });

  it("gives the link back when the account could not be created", async () => {
    const token = await invite(ownerCookie, "VIEWER");
    const taken = await signUp("owner", token); // that e-mail has an account already
    expect(taken.status).toBeGreaterThanOrEqual(400);
    await joinAs("after-a-failed-try", token);
  });
});
