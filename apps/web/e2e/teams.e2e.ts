/**
 * Three users in one workspace, and a stranger: the first sign-up owns local mode's runs and invites a
 * viewer and an editor through links; the editor launches a sweep from the form, the viewer watches it
 * finish live and comments, but cannot launch (no form, 403 from the API); the server is invite-only, so
 * a sign-up without a link is refused; a user of another workspace gets 404s for direct URLs; a
 * cross-origin write is refused.
 */
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2EStack, startE2EStack } from "./stack";

const CONFIG = {
  dataset: { kind: "generated", name: "moons" },
  hiddenLayers: [8],
  activation: "tanh",
  epochs: 3,
};

async function signUp(page: Page, name: string, email: string) {
  await page.locator("#name").fill(name);
  await page.locator("#email").fill(email);
  await page.locator("#password").fill("a long enough password");
  await page.getByRole("button", { name: "Create account" }).click();
  // Leaves the form, or fails at once with what the form said (not a bare timeout).
  const alert = page.getByTestId("sign-up-form").getByRole("alert");
  await Promise.race([
    page.waitForURL((url) => url.pathname !== "/sign-up"),
    alert.waitFor().then(async () => {
      throw new Error(`sign-up refused: ${await alert.textContent()}`);
    }),
  ]);
}

/** A new person opens an invite link signed out: sign-in page → create an account (joins) → the runs. */
async function joinThroughInvite(
  page: Page,
  link: string,
  name: string,
  role: "viewer" | "editor",
  onJoined?: (page: Page) => Promise<void>,
) {
  await page.goto(link);
  await page.waitForURL(/\/sign-in\?next=%2Finvite%2F/);
  await page.getByRole("link", { name: "Create an account" }).click();
  await page.waitForURL(/\/sign-up\?next=/);
  await signUp(page, name, `${name.split(" ")[0]?.toLowerCase()}@example.com`);
  await page.waitForURL(/\/invite\//);
  // The sign-up joined through the link already: the invite page only opens the workspace.
  await page.getByText(`as ${role}`).waitFor();
  await onJoined?.(page);
  await page.getByRole("button", { name: "Open the workspace" }).click();
  await page.waitForURL((url) => url.pathname === "/");
}

/** A tRPC call from inside the page: same origin, the context's cookies, like the app's own client. */
async function pageCall(page: Page, path: string, input: unknown, method: "GET" | "POST" = "GET") {
  return page.evaluate(
    async ({ path, input, method }) => {
      const body = JSON.stringify({ json: input });
      const res =
        method === "GET"
          ? await fetch(`/api/trpc/${path}?input=${encodeURIComponent(body)}`)
          : await fetch(`/api/trpc/${path}`, {
              method,
              headers: { "content-type": "application/json" },
              body,
            });
      return { status: res.status, body: await res.json() };
    },
    { path, input, method },
  );
}

describe("teams: owner, editor, viewer and a stranger", () => {
  let stack: E2EStack;
  const contexts: BrowserContext[] = [];
  let runId = "";
  let inviteLink = "";
  let ownerWorkspaceId = "";
  let sweepId = "";

  beforeAll(async () => {
    // Like docker-compose.yml's team server: after the owner, accounts come through invite links only.
    stack = await startE2EStack({ signup: "invite" });
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await stack?.stop();
  });

  async function context() {
    const c = await stack.newContext();
    contexts.push(c);
    return c.newPage();
  }

  it("runs in local mode without signing in, then the first sign-up owns the earlier runs", async () => {
    const created = await fetch(`${stack.baseUrl}/api/trpc/runs.create`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ json: { config: CONFIG, name: "local-mode-run" } }),
    });
    expect(created.status).toBe(200);
    runId = (await created.json()).result.data.json.id;

    const owner = await context();
    await owner.goto(`${stack.baseUrl}/`);
    await owner.getByTestId("user-menu").getByText("Local mode").waitFor();
    await owner.goto(`${stack.baseUrl}/sign-up`);
    await stack.screenshot(owner, "teams-sign-up");
    await signUp(owner, "Olivia Owner", "olivia@example.com");
    await owner.waitForURL(`${stack.baseUrl}/`);
    await owner.getByTestId("user-menu").getByText("Olivia Owner").waitFor();
    await owner.getByTestId("runs-table").getByText("local-mode-run").waitFor();
    ownerWorkspaceId = (await pageCall(owner, "workspaces.me", undefined)).body.result.data.json.current.id;
  });

  it("sends a signed-out visitor to /sign-in", async () => {
    const anon = await context();
    await anon.goto(`${stack.baseUrl}/runs/${runId}`);
    await anon.waitForURL(/\/sign-in\?next=/);
    await anon.getByTestId("sign-in-form").waitFor();
    const api = await fetch(`${stack.baseUrl}/api/trpc/runs.list?input=${encodeURIComponent('{"json":{}}')}`);
    expect(api.status).toBe(401);
    await stack.screenshot(anon, "teams-sign-in");
  });

  it("lets the owner create a single-use viewer invite link", async () => {
    const owner = contexts[0]?.pages()[0] as Page;
    await owner.goto(`${stack.baseUrl}/settings/members`);
    await owner.getByLabel("Invite role").selectOption("VIEWER");
    await owner.getByRole("button", { name: "Create invite link" }).click();
    inviteLink = (await owner.getByTestId("invite-link").textContent())?.trim() ?? "";
    expect(inviteLink).toMatch(/\/invite\/inv_/);
    await stack.screenshot(owner, "teams-members");
  });

  it("lets the viewer join through the link, see the runs, but not launch", async () => {
    const viewer = await context();
    await joinThroughInvite(viewer, inviteLink, "Vera Viewer", "viewer", (p) =>
      stack.screenshot(p, "teams-invite-joined"),
    );
    await viewer.getByTestId("runs-table").getByText("local-mode-run").waitFor();
    await viewer.getByTestId("user-menu").getByText("viewer", { exact: true }).waitFor();
    expect(await viewer.locator('a[href="/runs/new"]').first().isVisible()).toBe(false);
    expect(await viewer.locator('a[href="/sweeps/new"]').first().isVisible()).toBe(false);
    await stack.screenshot(viewer, "teams-viewer-runs");

    await viewer.goto(`${stack.baseUrl}/runs/${runId}`);
    await viewer.getByTestId("run-status").waitFor();
    const launch = await pageCall(viewer, "runs.create", { config: CONFIG }, "POST");
    expect(launch.status).toBe(403);
    const cancel = await pageCall(viewer, "runs.cancel", { runId }, "POST");
    expect(cancel.status).toBe(403);
  });

  it("lets an editor join through an editor invite and launch a sweep from the form", async () => {
    const owner = contexts[0]?.pages()[0] as Page;
    await owner.goto(`${stack.baseUrl}/settings/members`);
    await owner.getByLabel("Invite role").selectOption("EDITOR");
    await owner.getByRole("button", { name: "Create invite link" }).click();
    const editorLink = (await owner.getByTestId("invite-link").textContent())?.trim() ?? "";
    expect(editorLink).not.toBe(inviteLink);

    const editor = await context();
    await joinThroughInvite(editor, editorLink, "Ed Editor", "editor");
    await editor.getByTestId("user-menu").getByText("editor", { exact: true }).waitFor();

    await editor.goto(`${stack.baseUrl}/sweeps/new`);
    const choices = editor.getByTestId("activation-choices").getByRole("checkbox");
    await choices.first().waitFor();
    for (const box of await choices.all()) {
      const name = (await box.locator("..").textContent())?.trim().toLowerCase();
      await box.setChecked(name === "relu" || name === "tanh");
    }
    await editor.locator("#dataset").selectOption("moons");
    await editor.locator("#layers").fill("8");
    await editor.locator("#seeds").fill("2");
    // Long enough (~6 s on one worker) for the viewer to open the page while it still runs.
    await editor.locator("#epochs").fill("200");
    await expect(editor.getByTestId("launch-sweep").textContent()).resolves.toBe("Launch 4 runs");
    await editor.getByTestId("launch-sweep").click();
    await editor.waitForURL(
      (url) => /^\/sweeps\/[\w-]+$/.test(url.pathname) && !url.pathname.endsWith("/new"),
    );
    sweepId = new URL(editor.url()).pathname.split("/").pop() as string;
  });

  it("lets the viewer watch the editor's sweep finish live and comment on it, but not launch one", async () => {
    const viewer = contexts[2]?.pages()[0] as Page; // [0] owner, [1] the signed-out visitor, [2] the viewer
    await viewer.goto(`${stack.baseUrl}/sweeps/${sweepId}`);
    const done = viewer.getByTestId("sweep-done");
    expect((await done.textContent())?.trim()).not.toBe("4 / 4");
    // Progress reaches the viewer over the sweep's live channel, without a reload.
    await viewer.waitForFunction(
      () => document.querySelector('[data-testid="sweep-done"]')?.textContent?.trim() === "4 / 4",
      null,
      { timeout: 90_000 },
    );
    expect(await viewer.getByTestId("cancel-sweep").count()).toBe(0);
    await viewer.getByTestId("comment-input").fill("tanh looks steadier at lr 0.1");
    await viewer.getByTestId("comments").getByRole("button", { name: "Comment" }).click();
    await viewer.getByTestId("comments").getByText("tanh looks steadier").waitFor();
    const spec = { base: CONFIG, axes: { activation: ["relu", "tanh"] }, seeds: 2 };
    expect((await pageCall(viewer, "sweeps.create", { spec }, "POST")).status).toBe(403);
    await viewer.goto(`${stack.baseUrl}/sweeps/new`);
    await viewer.getByTestId("viewer-notice").waitFor();
  });

  it("lets the viewer change their password in settings; the new one signs in elsewhere", async () => {
    const viewer = contexts[2]?.pages()[0] as Page;
    await viewer.goto(`${stack.baseUrl}/settings/account`);
    await viewer.locator("#currentPassword").fill("a long enough password");
    await viewer.locator("#newPassword").fill("an even longer password");
    await viewer.locator("#confirmPassword").fill("an even longer password");
    await viewer.getByRole("button", { name: "Change password" }).click();
    await viewer.getByTestId("password-changed").waitFor();
    await stack.screenshot(viewer, "teams-password");
    expect((await pageCall(viewer, "workspaces.me", undefined)).status).toBe(200); // this session stays

    const elsewhere = await context();
    await elsewhere.goto(`${stack.baseUrl}/sign-in`);
    await elsewhere.locator("#email").fill("vera@example.com");
    await elsewhere.locator("#password").fill("an even longer password");
    await elsewhere.getByRole("button", { name: "Sign in" }).click();
    await elsewhere.waitForURL((url) => url.pathname === "/");
    await elsewhere.getByTestId("user-menu").getByText("Vera Viewer", { exact: true }).waitFor();
  });

  it("refuses a sign-up without an invite link", async () => {
    const anon = contexts[1]?.pages()[0] as Page; // the signed-out visitor
    await anon.goto(`${stack.baseUrl}/sign-up`);
    await anon.getByTestId("invite-only").getByText("New accounts need an invite").waitFor();
    expect(await anon.getByTestId("sign-up-form").count()).toBe(0);
    await stack.screenshot(anon, "teams-invite-only");
    const direct = await fetch(`${stack.baseUrl}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: stack.baseUrl },
      body: JSON.stringify({
        name: "Mallory",
        email: "mallory@example.com",
        password: "a long enough password",
      }),
    });
    expect(direct.status).toBe(403);
    expect((await direct.json()).code).toBe("INVITE_REQUIRED");
  });

  it("gives a user of another workspace 404s for direct URLs", async () => {
    // Another team on the same server: the owner opens a second workspace and invites the stranger to it.
    const owner = contexts[0]?.pages()[0] as Page;
    const other = await pageCall(owner, "workspaces.create", { name: "Other team" }, "POST");
    const invite = await pageCall(
      owner,
      "workspaces.createInvite",
      { workspaceId: other.body.result.data.json.id, role: "EDITOR" },
      "POST",
    );
    const stranger = await context();
    await stranger.goto(
      `${stack.baseUrl}/sign-up?next=${encodeURIComponent(invite.body.result.data.json.path)}`,
    );
    await signUp(stranger, "Sid Stranger", "sid@example.com");
    await stranger.getByRole("button", { name: "Open the workspace" }).click();
    await stranger.waitForURL(`${stack.baseUrl}/`);
    await stranger.goto(`${stack.baseUrl}/runs/${runId}`);
    await stranger.getByTestId("run-error").getByText("There is no run").waitFor();
    await stack.screenshot(stranger, "teams-stranger-run");
    expect((await pageCall(stranger, "runs.get", { runId })).status).toBe(404);
    expect((await pageCall(stranger, "workspaces.members", { workspaceId: ownerWorkspaceId })).status).toBe(
      404,
    );
  });

  it("refuses a state-changing request from another origin", async () => {
    const owner = contexts[0]?.pages()[0] as Page;
    const cookie = (await (contexts[0] as BrowserContext).cookies())
      .map((c) => `${c.name}=${c.value}`)
      .join("; ");
    const res = await fetch(`${stack.baseUrl}/api/trpc/tokens.create`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie, origin: "http://evil.example" },
      body: JSON.stringify({ json: { name: "stolen" } }),
    });
    expect(res.status).toBe(403);
    const ok = await pageCall(owner, "tokens.create", { name: "mine" }, "POST");
    expect(ok.status).toBe(200);
  });

  it("signs the owner out from the top bar", async () => {
    const owner = contexts[0]?.pages()[0] as Page;
    await owner.goto(`${stack.baseUrl}/`);
    await owner.getByRole("button", { name: "Sign out" }).click();
    await owner.waitForURL(/\/sign-in/);
    await owner.goto(`${stack.baseUrl}/sweeps`);
    await owner.waitForURL(/\/sign-in\?next=%2Fsweeps/);
    expect((await pageCall(owner, "runs.list", {})).status).toBe(401);
  });
});
