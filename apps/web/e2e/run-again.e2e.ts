/** "Run again" as a user would use it: the run page says what it trained on, and the copy repeats it bit for bit. */
import { isWallClockMetric } from "@actlab/core";
import { describe, expect, it } from "vitest";
import { launchRun, waitForRunStatus } from "./run-form";
import { e2eStack } from "./stack";

const stack = e2eStack();

type Series = { key: string; steps: number[]; values: (number | null)[] };

/** Every training series of a run (wall-clock keys left out: they are not meant to repeat). */
async function trainingSeries(runId: string): Promise<Series[]> {
  const input = encodeURIComponent(JSON.stringify({ json: { runId } }));
  const res = await fetch(`${stack.baseUrl}/api/trpc/runs.get?input=${input}`);
  const body = await res.json();
  if (!body.result) throw new Error(`runs.get: ${JSON.stringify(body).slice(0, 300)}`);
  const series: Series[] = body.result.data.json.series;
  return series
    .filter((s) => !isWallClockMetric(s.key))
    .map(({ key, steps, values }) => ({ key, steps, values }));
}

describe("running a run again", () => {
  it("shows the data and split, and a copy launched from the page repeats its metrics exactly", async () => {
    const page = await stack.newPage();
    const first = await launchRun(stack, page, { epochs: 8 });
    await waitForRunStatus(page, "completed", 90_000);
    const data = page.getByTestId("run-data");
    expect(await data.textContent()).toMatch(/generated.*data seed \d+.*shuffled with seed \d+/s);
    await stack.screenshot(page, "run-data-panel");

    await page.getByTestId("run-again").click();
    await page.waitForURL((url) => /\/runs\/[\w-]+$/.test(url.pathname) && !url.pathname.endsWith(first));
    const second = page.url().split("/").at(-1) as string;
    await page
      .locator("h1")
      .filter({ hasText: /\(again\)$/ })
      .waitFor();
    await waitForRunStatus(page, "completed", 90_000);

    const [a, b] = [await trainingSeries(first), await trainingSeries(second)];
    expect(a.map((s) => s.key)).toContain("train/loss");
    expect(b).toEqual(a);
    await page.close();
  }, 240_000);
});
