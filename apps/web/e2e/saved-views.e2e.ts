/**
 * Saved views and public share links in the real app: an owner saves a comparison with a markdown report,
 * opens it under /views and comments on it, creates a public link that a signed-out browser opens (report and chart, no
 * workspace navigation), then revokes it, and the same URL says the link was revoked.
 */
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2EStack, startE2EStack } from "./stack";

const CONFIG = {
  dataset: { kind: "generated", name: "xor" },
  hiddenLayers: [4],
  epochs: 2,
};

async function launch(stack: E2EStack, activation: string): Promise<string> {
  const res = await fetch(`${stack.baseUrl}/api/trpc/runs.create`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ json: { config: { ...CONFIG, activation }, name: `view-${activation}` } }),
  });
  expect(res.status).toBe(200);
  return (await res.json()).result.data.json.id;
}

const chart = (page: Page) => page.locator('[data-testid="compare-chart"] canvas').first();

describe("saved views and shareable reports", () => {
  let stack: E2EStack;
  const contexts: BrowserContext[] = [];
  let owner: Page;
  let runIds: string[] = [];
  let viewUrl = "";
  let shareUrl = "";

  beforeAll(async () => {
    stack = await startE2EStack();
    // Launched in local mode; the first sign-up below inherits them and ends local mode, so a fresh
    // browser context afterwards is truly signed out.
    runIds = [await launch(stack, "relu"), await launch(stack, "tanh")];
    const c = await stack.newContext();
    contexts.push(c);
    owner = await c.newPage();
    await owner.goto(`${stack.baseUrl}/sign-up`);
    await owner.locator("#name").fill("Sam Saver");
    await owner.locator("#email").fill("sam@example.com");
    await owner.locator("#password").fill("a long enough password");
    await owner.getByRole("button", { name: "Create account" }).click();
    await owner.waitForURL(`${stack.baseUrl}/`);
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await stack?.stop();
  });

  it("saves the comparison with a markdown report and opens it under /views", async () => {
    await owner.goto(`${stack.baseUrl}/compare?runs=${runIds.join(",")}&key=train%2Floss&group=none`);
    await chart(owner).waitFor({ timeout: 60_000 });
    await owner.getByRole("button", { name: "Save view" }).click();
    await owner.locator("#view-title").fill("ReLU against tanh on xor");
    await owner.locator("#view-body").fill("**tanh** converges faster here.\n\n<img src=x onerror=alert(1)>");
    await stack.screenshot(owner, "saved-views-form");
    await owner.getByTestId("save-view-form").getByRole("button", { name: "Save", exact: true }).click();
    await owner.waitForURL(/\/views\/[a-z0-9]+$/);
    viewUrl = owner.url();
    await expect(owner.getByTestId("view-title").textContent()).resolves.toBe("ReLU against tanh on xor");
    await owner.getByTestId("view-report-body").locator("strong", { hasText: "tanh" }).waitFor();
    expect(await owner.locator('img[src="x"], [onerror]').count()).toBe(0);
    await chart(owner).waitFor();
    // Read-only: no second Save button; "Open in compare" carries the saved state.
    expect(await owner.getByRole("button", { name: "Save view" }).count()).toBe(0);
    const href = await owner.getByTestId("open-in-compare").getAttribute("href");
    expect(href).toContain(`runs=${runIds.join("%2C")}`);
    expect(href).toContain("key=train%2Floss");

    // The team discusses the view under it.
    await owner.getByTestId("comment-input").fill("agreed, **tanh** it is");
    await owner.getByTestId("comments").getByRole("button", { name: "Comment" }).click();
    await owner.getByTestId("comment").locator("strong", { hasText: "tanh" }).waitFor();

    await owner.goto(`${stack.baseUrl}/views`);
    await owner.getByTestId("view-item").getByText("ReLU against tanh on xor").waitFor();
    await owner.goto(`${stack.baseUrl}/activity`);
    await owner.getByTestId("activity-item").filter({ hasText: "saved a view" }).waitFor();
    await owner.getByTestId("activity-item").filter({ hasText: "commented" }).waitFor();
  });

  it("opens a share link signed out, read-only, with the chart and no workspace navigation", async () => {
    await owner.goto(viewUrl);
    await owner.getByRole("button", { name: "Create share link" }).click();
    const field = owner.getByTestId("share-url");
    await field.waitFor();
    shareUrl = await field.inputValue();
    expect(shareUrl).toMatch(/\/share\/share_[A-Za-z0-9_-]+$/);
    await stack.screenshot(owner, "saved-views-report-light");
    await owner.evaluate(() => localStorage.setItem("actlab-theme", "dark"));
    await owner.reload();
    await chart(owner).waitFor();
    await stack.screenshot(owner, "saved-views-report-dark");
    await owner.evaluate(() => localStorage.setItem("actlab-theme", "light"));

    const c = await stack.newContext();
    contexts.push(c);
    const stranger = await c.newPage();
    await stranger.goto(shareUrl);
    expect(new URL(stranger.url()).pathname).toMatch(/^\/share\//); // not sent to /sign-in
    await stranger.getByTestId("shared-report").waitFor();
    await expect(stranger.getByTestId("view-title").textContent()).resolves.toBe("ReLU against tanh on xor");
    await stranger.getByTestId("view-report-body").locator("strong", { hasText: "tanh" }).waitFor();
    await chart(stranger).waitFor({ timeout: 30_000 });
    expect(Number(await stranger.getByTestId("compare-chart").getAttribute("data-lines"))).toBeGreaterThan(0);
    expect(await stranger.getByRole("button", { name: "Save view" }).count()).toBe(0);
    expect(await stranger.getByTestId("comments").count()).toBe(0);
    await expect(stranger.locator(".topbar .nav").isVisible()).resolves.toBe(false);
    await stack.screenshot(stranger, "saved-views-shared");

    // Revoked: the very next load of the same URL refuses.
    await owner.goto(viewUrl);
    await owner.getByRole("button", { name: "Revoke link" }).click();
    await owner.getByRole("button", { name: "Create share link" }).waitFor();
    await stranger.reload();
    await stranger.getByTestId("share-revoked").getByText("This link was revoked").waitFor();
    expect(await stranger.getByTestId("shared-report").count()).toBe(0);
    await stack.screenshot(stranger, "saved-views-revoked");
  });
});
