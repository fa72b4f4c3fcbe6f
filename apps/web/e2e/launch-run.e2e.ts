import os from "node:os";
import { CODE_VERSION } from "@actlab/queue";
import { describe, expect, it } from "vitest";
import { fillRunForm, launchFilledForm, waitForRunStatus } from "./run-form";
import { e2eStack } from "./stack";

describe("launching a run from the browser", () => {
  const stack = e2eStack();

  it("shows an empty runs page with a way to launch", async () => {
    const page = await stack.newPage();
    await page.goto(`${stack.baseUrl}/`);
    await page.getByText("No runs yet").waitFor();
    await stack.screenshot(page, "runs-empty");
    await page.close();
  });

  it("refuses a bad config with a message on each field and launches nothing", async () => {
    const page = await stack.newPage();
    await fillRunForm(stack, page, { hiddenLayers: "16, 0", lr: 0, epochs: 5000 });
    await page.getByTestId("launch").click();
    await expect(page.getByTestId("error-hiddenLayers").textContent()).resolves.toMatch(/at least 1 unit/);
    await expect(page.getByTestId("error-lr").textContent()).resolves.toMatch(/> 0/);
    await expect(page.getByTestId("error-epochs").textContent()).resolves.toMatch(/at most 1000/);
    await stack.screenshot(page, "new-run-errors");
    expect(new URL(page.url()).pathname).toBe("/runs/new");
    await page.close();
  });

  it("launches a run, charts points live while it trains, and shows the completed summary", async () => {
    const page = await stack.newPage();
    await fillRunForm(stack, page, {
      dataset: "moons",
      activation: "relu",
      samples: 3000,
      hiddenLayers: "64, 64",
      epochs: 250,
    });
    await stack.screenshot(page, "new-run");
    await launchFilledForm(page);

    // While the run trains, the chart gains points without a reload.
    const chart = page.getByTestId("chart-loss");
    const points = async () => Number(await chart.getAttribute("data-points"));
    await waitForRunStatus(page, "running", 60_000);
    await page.waitForFunction(
      () => Number(document.querySelector('[data-testid="chart-loss"]')?.getAttribute("data-points")) > 0,
    );
    const early = await points();
    const statusEarly = await page.getByTestId("run-status").textContent();
    await page.waitForFunction(
      (n) => Number(document.querySelector('[data-testid="chart-loss"]')?.getAttribute("data-points")) > n,
      early,
    );
    expect(statusEarly).toBe("running");
    // The best validation accuracy so far shows while it trains, before any summary exists.
    await page.waitForFunction(
      () => /^(0\.\d+|1)$/.test(document.querySelector('[data-testid="best-val-acc"]')?.textContent ?? ""),
      null,
      { timeout: 30_000 },
    );
    await stack.screenshot(page, "run-live");

    await waitForRunStatus(page, "completed", 120_000);
    expect(await points()).toBeGreaterThan(early);
    await page.waitForFunction(() =>
      /^0\.\d+$/.test(document.querySelector('[data-testid="val-acc"]')?.textContent ?? ""),
    );
    const acc = Number(await page.getByTestId("val-acc").textContent());
    expect(acc).toBeGreaterThan(0.8);
    await page.getByTestId("logs").getByText("completed after 250 epochs").waitFor();
    // Insights computed in the browser from the saved weights: the boundary, and a confusion matrix whose
    // accuracy agrees with what the trainer logged.
    await page.getByTestId("boundary-canvas").waitFor();
    await page.getByTestId("confusion-agrees").waitFor({ timeout: 30_000 });
    await page.getByTestId("layer-diagnostics").waitFor();
    // Timings vary on every rerun: shown apart from the metrics a rerun repeats bit for bit.
    await page.getByTestId("wall-clock-note").waitFor();
    await page.getByTestId("metric-time/epoch_s").waitFor();
    await stack.screenshot(page, "run-completed");

    await page.goto(`${stack.baseUrl}/`);
    await page.getByTestId("runs-table").getByText("completed").waitFor();
    await stack.screenshot(page, "runs-list");
    await page.close();
  });

  it("shows the queue with its workers and the activation gallery", async () => {
    const page = await stack.newPage();
    await page.goto(`${stack.baseUrl}/queue`);
    await page.getByTestId("state-completed").click();
    await page.getByTestId("jobs-table").locator("tbody tr").first().waitFor();
    // Jobs are named by their run, the id beneath.
    expect(await page.getByTestId("job-run").first().textContent()).toMatch(/ · /);
    // The stack's one worker, as it announced itself: this host, this code version, one slot.
    const worker = page.getByTestId("workers-table").locator("tbody tr").first();
    await worker.waitFor();
    const cells = await worker.locator("td").allTextContents();
    expect(cells[0]).toContain(os.hostname());
    expect(cells[1]).toBe(CODE_VERSION);
    expect(cells[3]).toMatch(/^[01] \/ 1$/);
    expect(await page.getByTestId("worker-capacity").textContent()).toMatch(
      new RegExp(
        `of 1 training slot busy · this web server runs Actlab ${CODE_VERSION.replace(/\./g, "\\.")}`,
      ),
    );
    expect(await page.getByTestId("worker-version-warning").count()).toBe(0);
    await stack.screenshot(page, "queue");
    await page.goto(`${stack.baseUrl}/activations`);
    for (const name of ["relu", "swish", "gelu", "step", "softmax"])
      await page.getByTestId(`activation-${name}`).waitFor();
    // Usage counts arrive after the cards: wait for them rather than read too early.
    await page
      .getByTestId("activation-relu")
      .getByTestId("usage")
      .getByText(/1 run\b/)
      .waitFor();
    await stack.screenshot(page, "activations");
    await page.close();
  });

  it("says so when a run does not exist", async () => {
    const page = await stack.newPage();
    await page.goto(`${stack.baseUrl}/runs/does-not-exist`);
    await page.getByTestId("run-error").waitFor();
    await expect(page.getByTestId("run-error").textContent()).resolves.toMatch(
      /There is no run does-not-exist/,
    );
    await page.close();
  });
});
