import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { e2eStack } from "./stack";

const epochOf = async (page: Page) =>
  Number((await page.getByTestId("playground-epoch").textContent())?.split(" / ")[0]);

/** Waits for the playground to pass `n` epochs; returns where it was when seen. */
async function reachEpoch(page: Page, n: number): Promise<number> {
  await page.waitForFunction(
    (min) =>
      Number(document.querySelector('[data-testid="playground-epoch"]')?.textContent?.split(" / ")[0]) >= min,
    n,
    { timeout: 60_000 },
  );
  return epochOf(page);
}

const boundaryPixels = (page: Page) =>
  page.getByTestId("boundary-canvas").evaluate((c) => (c as HTMLCanvasElement).toDataURL());

describe("the launch form's playground", () => {
  const stack = e2eStack();

  it("trains a 2-D config in the browser, restarts on a change, pauses, and tracks it to the same numbers", async () => {
    const page = await stack.newPage();
    await page.goto(`${stack.baseUrl}/runs/new`);
    await page.getByTestId("playground").getByTestId("boundary-canvas").waitFor();
    // Long enough to watch: the default 100 epochs end in about a second.
    await page.locator("#epochs").fill("1000");

    // The boundary is redrawn as the epochs rise.
    await reachEpoch(page, 5);
    const early = await boundaryPixels(page);
    await reachEpoch(page, 40);
    expect(await boundaryPixels(page)).not.toBe(early);
    expect(Number(await page.getByTestId("playground-loss").getAttribute("data-points"))).toBeGreaterThan(0);
    await stack.screenshot(page, "playground-running");
    console.log(`playground: ${await page.getByTestId("playground-fps").textContent()}`);

    // A new activation starts over from epoch 0.
    const before = await reachEpoch(page, 80);
    await page.locator("#activation").selectOption("relu");
    await page.waitForFunction(
      (was) =>
        Number(document.querySelector('[data-testid="playground-epoch"]')?.textContent?.split(" / ")[0]) <
        was,
      before / 2,
      { timeout: 5_000 },
    );

    // Paused, the count stands still; played again, it goes on.
    await reachEpoch(page, 10);
    await page.getByTestId("playground-pause").click();
    await page.getByTestId("playground-stats").and(page.locator('[data-status="paused"]')).waitFor();
    const paused = await epochOf(page);
    await page.waitForTimeout(600);
    expect(await epochOf(page)).toBe(paused);
    await stack.screenshot(page, "playground-paused");
    await page.getByTestId("playground-play").click();
    await reachEpoch(page, paused + 5);

    // A short run to the end, then the same config and seed on the workers.
    await page.locator("#epochs").fill("30");
    await page.getByTestId("playground-stats").and(page.locator('[data-status="finished"]')).waitFor();
    const loss = page.getByTestId("playground-train-loss");
    expect(await loss.getAttribute("data-epoch")).toBe("30");
    const shownLoss = Number(await loss.getAttribute("data-value"));
    const shownAcc = Number(await page.getByTestId("playground-val-acc").getAttribute("data-value"));
    expect(shownLoss).toBeGreaterThan(0);
    await stack.screenshot(page, "playground-finished");

    await page.getByTestId("track-run").click();
    await page.waitForURL(/\/runs\/(?!new$)[a-z0-9]+$/);
    const runId = new URL(page.url()).pathname.split("/").at(-1) as string;
    await page.getByTestId("run-status").filter({ hasText: "completed" }).waitFor({ timeout: 120_000 });
    await stack.screenshot(page, "playground-tracked-run");

    // runs.get over HTTP, from the page (its cookies pick the project the run was created in).
    const got = await page.evaluate(async (id) => {
      const input = encodeURIComponent(JSON.stringify({ json: { runId: id } }));
      const res = await fetch(`/api/trpc/runs.get?input=${input}`);
      return { status: res.status, body: await res.json() };
    }, runId);
    expect(got.status, JSON.stringify(got.body)).toBe(200);
    const run = got.body.result.data.json.run;
    expect(run.config).toMatchObject({ activation: "relu", epochs: 30, seed: 0, hiddenLayers: [16, 16] });
    expect(run.summary.epochs_run).toBe(30);
    // Chromium's V8 and the worker's Node, portable and native kernels: the same bits.
    expect(run.summary.final_train_loss).toBe(shownLoss);
    expect(run.summary.final_val_acc).toBe(shownAcc);
    await page.close();
  });

  it("leaves a network wider than the playground's limit to the workers, and says so", async () => {
    const page = await stack.newPage();
    await page.goto(`${stack.baseUrl}/runs/new`);
    await page.getByTestId("playground").getByTestId("boundary-canvas").waitFor();
    await page.locator("#hiddenLayers").fill("64, 64");
    await expect
      .poll(() => page.getByTestId("playground-unavailable").textContent())
      .toMatch(/networks up to 16 wide train here; larger ones only on the workers/);
    await page.locator("#dataset").selectOption("iris");
    await expect
      .poll(() => page.getByTestId("playground-unavailable").textContent())
      .toMatch(/iris trains only on the workers/);
    await page.close();
  });
});
