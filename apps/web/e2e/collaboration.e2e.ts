/**
 * Comments, mentions, notes, tags, stars and the activity feed in the real app (local mode: the local
 * user owns everything), and the XSS check: hostile comment bodies, tag names and notes render inert —
 * no dialog fires and no injected element, handler or javascript: link reaches the DOM.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2EStack, startE2EStack } from "./stack";

const CONFIG = {
  dataset: { kind: "generated", name: "xor" },
  hiddenLayers: [4],
  activation: "relu",
  epochs: 2,
};
const PAYLOADS = ["<img src=x onerror=alert(1)>", "<script>alert(2)</script>", "[x](javascript:alert(3))"];

async function launch(stack: E2EStack, name: string): Promise<string> {
  const res = await fetch(`${stack.baseUrl}/api/trpc/runs.create`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ json: { config: { ...CONFIG, seed: name.length }, name } }),
  });
  expect(res.status).toBe(200);
  return (await res.json()).result.data.json.id;
}

/** Nothing executable anywhere in the document: the injected forms of every payload above. */
async function expectInert(page: Page) {
  const found = await page.evaluate(() => ({
    injectedImg: document.querySelectorAll('img[src="x"], [onerror]').length,
    alertScripts: [...document.querySelectorAll("script")].filter((s) => s.textContent?.includes("alert("))
      .length,
    jsLinks: [...document.querySelectorAll("a[href]")].filter((a) =>
      a.getAttribute("href")?.trim().toLowerCase().startsWith("javascript:"),
    ).length,
  }));
  expect(found).toEqual({ injectedImg: 0, alertScripts: 0, jsLinks: 0 });
}

describe("collaboration: comments, notes, tags, stars, activity", () => {
  let stack: E2EStack;
  let page: Page;
  const dialogs: string[] = [];
  let runId = "";

  beforeAll(async () => {
    stack = await startE2EStack();
    runId = await launch(stack, "collab-run");
    await launch(stack, "other-run");
    page = await stack.newPage();
    // Any alert/confirm/prompt from an injected script would land here; the delete confirm is ours.
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it("posts hostile comments that render as inert text, with no dialog", async () => {
    await page.goto(`${stack.baseUrl}/runs/${runId}`);
    const comments = page.getByTestId("comments");
    await comments.waitFor();
    for (const payload of PAYLOADS) {
      await page.getByTestId("comment-input").fill(payload);
      await comments.getByRole("button", { name: "Comment" }).click();
      await expect
        .poll(() => page.getByTestId("comment").count())
        .toBeGreaterThanOrEqual(PAYLOADS.indexOf(payload) + 1);
    }
    await comments.getByText("x", { exact: true }).waitFor(); // the javascript: link's text survives
    await page.waitForTimeout(500); // give a handler that slipped through time to fire
    expect(dialogs).toEqual([]);
    await expectInert(page);
  });

  it("mentions a member through the autocomplete and highlights the name", async () => {
    const input = page.getByTestId("comment-input");
    await input.fill("");
    await input.pressSequentially("thanks @Loc");
    await page.getByRole("button", { name: "@Local user" }).click();
    // The pick rewrites the text and moves the caret: type on only once it is in.
    await expect.poll(() => input.inputValue()).toBe("thanks @Local user ");
    await input.pressSequentially("**nice**");
    await page.getByTestId("comments").getByRole("button", { name: "Comment" }).click();
    const mention = page.getByTestId("comments").locator(".mention", { hasText: "@Local user" });
    await mention.waitFor();
    await page.getByTestId("comments").locator("strong", { hasText: "nice" }).waitFor();
  });

  it("saves notes as plain text and refuses a tag name with markup", async () => {
    await page.getByTestId("notes-edit").click();
    await page.getByTestId("notes-input").fill("<img src=x onerror=alert(4)> try a lower lr");
    await page.getByTestId("notes-save").click();
    await page.getByTestId("notes-text").getByText("<img src=x onerror=alert(4)> try a lower lr").waitFor();

    await page.getByTestId("tag-input").fill("<img/src=x/onerror=alert(5)>");
    await page.getByRole("button", { name: "Tag", exact: true }).click();
    await page.getByTestId("tags").getByText("no spaces").waitFor();
    await page.getByTestId("tag-input").fill("baseline");
    await page.getByRole("button", { name: "Tag", exact: true }).click();
    await page.getByTestId("tags").getByTestId("tag-chip").getByText("baseline").waitFor();
    await page.getByTestId("star-toggle").click();
    await page.getByTestId("star-toggle").getByText("Starred").waitFor();

    await page.reload();
    await page.getByTestId("notes-text").getByText("try a lower lr").waitFor();
    await page.getByTestId("comment").first().waitFor();
    await page.waitForTimeout(500);
    expect(dialogs).toEqual([]);
    await expectInert(page);
    await stack.screenshot(page, "collaboration-run-light");
    await page.evaluate(() => localStorage.setItem("actlab-theme", "dark"));
    await page.reload();
    await page.getByTestId("comment").first().waitFor();
    await stack.screenshot(page, "collaboration-run-dark");
    await page.evaluate(() => localStorage.setItem("actlab-theme", "light"));
  });

  it("shows tag chips in the runs explorer and filters by tag and by star", async () => {
    await page.goto(`${stack.baseUrl}/`);
    const table = page.getByTestId("runs-table");
    await table.getByText("other-run").waitFor();
    await table.getByTestId("tag-chip").getByText("baseline").waitFor();
    for (const filter of ["tag = baseline", "starred = true"]) {
      await page.getByTestId("runs-filter").fill(filter);
      await page.getByTestId("runs-filter").press("Enter");
      await expect.poll(() => table.getByText("other-run").count()).toBe(0);
      await table.getByText("collab-run").waitFor();
    }
    await stack.screenshot(page, "collaboration-explorer");
  });

  it("comments and keeps notes on a sweep page too", async () => {
    const res = await fetch(`${stack.baseUrl}/api/trpc/sweeps.create`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        json: { spec: { base: CONFIG, axes: { activation: ["relu", "tanh"] }, seeds: 1 } },
      }),
    });
    expect(res.status).toBe(200);
    const sweepId = (await res.json()).result.data.json.id;
    await page.goto(`${stack.baseUrl}/sweeps/${sweepId}`);
    await page.getByTestId("comment-input").fill("relu wins? <img src=x onerror=alert(6)>");
    await page.getByTestId("comments").getByRole("button", { name: "Comment" }).click();
    await page.getByTestId("comment").getByText("relu wins?").waitFor();
    await page.getByTestId("notes-edit").click();
    await page.getByTestId("notes-input").fill("rerun with 3 seeds");
    await page.getByTestId("notes-save").click();
    await page.getByTestId("notes-text").getByText("rerun with 3 seeds").waitFor();
    await expectInert(page);
    expect(dialogs).toEqual([]);
  });

  it("lists launches, comments, tags and stars in the activity feed", async () => {
    await page.goto(`${stack.baseUrl}/activity`);
    const feed = page.getByTestId("activity");
    await feed.getByTestId("activity-item").first().waitFor();
    const text = (await feed.textContent()) ?? "";
    for (const verb of ["launched", "commented", "tagged", "starred"]) expect(text).toContain(verb);
    await stack.screenshot(page, "collaboration-activity");
    await feed.getByRole("link", { name: "collab-run" }).first().click();
    await page.waitForURL(`${stack.baseUrl}/runs/${runId}`);
    expect(dialogs).toEqual([]);
  });
});
