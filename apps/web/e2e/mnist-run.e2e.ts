/**
 * MNIST from the launch form as a first-time user would run it: the suggested settings, then a 50-epoch run
 * watched live. Prints how long they took and how busy the page's main thread was (one JSON line); asserts
 * only what the page shows.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { e2eStack } from "./stack";

const stack = e2eStack();

async function launchMnist(page: Page, epochs?: number): Promise<{ runId: string; seconds: number }> {
  await page.goto(`${stack.baseUrl}/runs/new`);
  await page.locator("#dataset").selectOption("mnist");
  if (epochs !== undefined) await page.locator("#epochs").fill(String(epochs));
  const started = Date.now();
  await page.getByTestId("launch").click();
  await page.waitForURL(/\/runs\/(?!new$)[\w-]+$/);
  const runId = page.url().split("/").at(-1) as string;
  return { runId, seconds: (Date.now() - started) / 1000 };
}

/** Long tasks (main thread busy > 50 ms) from now on, kept in the page. */
async function watchLongTasks(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __long: number[] };
    w.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__long.push(e.duration);
    }).observe({ type: "longtask" });
  });
}

describe("MNIST from the launch form", () => {
  it("trains the suggested network, then follows a 50-epoch run to its end with its mistakes", async () => {
    const page = await stack.newPage();
    const first = await launchMnist(page);
    expect(await page.getByTestId("run-status").textContent()).not.toMatch(/failed/);
    await page.getByTestId("run-status").filter({ hasText: "completed" }).waitFor({ timeout: 240_000 });
    const firstRunSeconds = first.seconds + (await page.evaluate(() => performance.now())) / 1000;
    await expect.poll(() => page.getByTestId("mistakes").count(), { timeout: 15_000 }).toBe(1);

    const long = await launchMnist(page, 50);
    await watchLongTasks(page);
    const watching = Date.now();
    await page.getByTestId("run-status").filter({ hasText: "completed" }).waitFor({ timeout: 600_000 });
    const trainedSeconds = (Date.now() - watching) / 1000;
    expect(await page.getByTestId("epoch").textContent()).toMatch(/^50\s*\/\s*50/);
    await expect.poll(() => page.getByTestId("mistakes-epoch").textContent(), { timeout: 15_000 }).toBe("50");
    await expect
      .poll(() => page.getByTestId("layer-diagnostics").getAttribute("data-epoch"), { timeout: 15_000 })
      .toBe("50");
    const tasks = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
    await stack.screenshot(page, "mnist-50-epochs");

    const input = encodeURIComponent(JSON.stringify({ json: { runId: long.runId } }));
    const body = await (await fetch(`${stack.baseUrl}/api/trpc/runs.get?input=${input}`)).json();
    const series: { key: string; values: number[] }[] = body.result.data.json.series;
    const epochSeconds = (series.find((s) => s.key === "time/epoch_s")?.values ?? [])
      .slice()
      .sort((a, b) => a - b);
    const points = series.reduce((n, s) => n + s.values.length, 0);
    console.log(
      JSON.stringify({
        firstRunSeconds: Number(firstRunSeconds.toFixed(1)),
        fiftyEpochsSeconds: Number(trainedSeconds.toFixed(1)),
        epochSecondsMedian: epochSeconds[Math.floor(epochSeconds.length / 2)],
        metricPoints: points,
        longTasks: tasks.length,
        longTaskMaxMs: Math.round(Math.max(0, ...tasks)),
        longTaskTotalMs: Math.round(tasks.reduce((a, b) => a + b, 0)),
      }),
    );
    expect(epochSeconds).toHaveLength(50);
    await page.close();
  }, 900_000);
});
