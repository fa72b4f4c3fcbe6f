import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { launchRun, waitForRunStatus } from "./run-form";
import { e2eStack } from "./stack";

describe("sweeps and the compare view in the browser", () => {
  const stack = e2eStack();

  it("launches a preset sweep in two clicks and watches every run finish live", async () => {
    const page = await stack.newPage();
    await page.goto(`${stack.baseUrl}/sweeps`);
    await page.getByTestId("preset-moons").click();
    await expect(page.getByTestId("preset-moons").textContent()).resolves.toBe("Launch 33 runs");
    await page.getByTestId("preset-moons").click();
    await page.waitForURL(/\/sweeps\/[a-f0-9-]+$/);
    await page.getByTestId("sweep-runs").waitFor();
    await stack.screenshot(page, "sweep-running");
    // Progress arrives over the sweep's SSE channel: no reload.
    await page.waitForFunction(
      () => document.querySelector('[data-testid="sweep-done"]')?.textContent?.trim() === "33 / 33",
      null,
      {
        timeout: 200_000,
      },
    );
    expect(await page.getByTestId("count-COMPLETED").textContent()).toBe("33");
    // The verdict ranks all eleven activations over their three seeds and says it in one sentence.
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="verdict-row"]').length === 11,
      null,
      {
        timeout: 20_000,
      },
    );
    await expect(page.getByTestId("verdict-sentence").textContent()).resolves.toMatch(/moons/);
    await stack.screenshot(page, "sweep-done");
    await page.close();
  });

  it("compares the sweep grouped by activation, with bands, smoothing and a shareable URL", async () => {
    const page = await stack.newPage();
    await page.goto(`${stack.baseUrl}/sweeps`);
    await page.locator('[data-testid="sweeps-table"] a').first().click();
    await page.getByTestId("compare-sweep").click();
    await page.waitForURL(/\/compare\?/);
    await page.locator('[data-testid="compare-chart"] canvas').first().waitFor();
    const legend = page.getByTestId("compare-legend").locator("tbody tr");
    await expect(legend.count()).resolves.toBe(11); // one group per activation
    await expect(page.getByTestId("compare-legend").textContent()).resolves.toMatch(/relu.*3/);
    await stack.screenshot(page, "compare-grouped");
    // Exports carry the title and a legend entry per group; the PNG is the same drawing.
    const saved = async (button: string) => {
      const [file] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: button }).click(),
      ]);
      return fs.readFileSync((await file.path()) as string);
    };
    const svg = (await saved("SVG")).toString("utf8");
    expect(svg).toMatch(/<text[^>]*>[^<]+ · 33 runs · by activation<\/text>/);
    expect(svg).toMatch(/<rect [^>]*\/><text [^>]*>relu/);
    const png = await saved("PNG");
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(png.length).toBeGreaterThan(10_000);

    await page.getByTestId("smoothing").fill("0.8");
    await page.waitForURL(/smooth=0\.8/);
    await page.getByTestId("group-by").selectOption("none");
    await page.waitForURL(/group=none/);
    await expect(legend.count()).resolves.toBe(33); // one line per run
    const shared = page.url();
    await stack.screenshot(page, "compare-smoothed");

    // The URL alone reproduces the view.
    const again = await stack.newPage();
    await again.goto(shared);
    await again.locator('[data-testid="compare-chart"] canvas').first().waitFor();
    await expect(again.getByTestId("group-by").inputValue()).resolves.toBe("none");
    await expect(again.getByTestId("smoothing").inputValue()).resolves.toBe("0.8");
    await again.close();
    await page.close();
  });

  it("cancels a running run from its page within a second or two", async () => {
    const page = await stack.newPage();
    await launchRun(stack, page, { samples: 5000, hiddenLayers: "64, 64", epochs: 1000 });
    await waitForRunStatus(page, "running", 60_000);
    const t0 = Date.now();
    await page.getByTestId("cancel-run").click();
    await waitForRunStatus(page, "canceled", 5_000);
    expect(Date.now() - t0).toBeLessThan(3_000);
    await page.getByTestId("retry-run").waitFor();
    await page.close();
  });
});
