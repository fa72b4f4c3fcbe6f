/** Retrying a canceled run as a user would: resume it from its last checkpoint, and it trains to the end. */
import { describe, expect, it } from "vitest";
import { launchRun, waitForRunStatus } from "./run-form";
import { e2eStack } from "./stack";

const stack = e2eStack();

describe("resuming a canceled run", () => {
  it("offers to resume from the last checkpoint or start over, and resumes to completion", async () => {
    const page = await stack.newPage();
    // Long enough that the cancel lands mid-run: a small net trains thousands of rows in milliseconds.
    await launchRun(stack, page, { samples: 20000, hiddenLayers: "64, 64", epochs: 300 });
    // A few epochs in, so their checkpoints are saved before the cancel.
    await page.waitForFunction(
      () => Number(document.querySelector('[data-testid="epoch"]')?.textContent?.split("/")[0]) >= 4,
      null,
      { timeout: 90_000 },
    );
    await page.getByTestId("cancel-run").click();
    await waitForRunStatus(page, "canceled", 10_000);
    const resume = page.getByTestId("resume-run");
    await resume.waitFor();
    expect(await resume.textContent()).toMatch(/^Resume from epoch \d+$/);
    expect(await page.getByTestId("retry-run").textContent()).toBe("Start over");
    await stack.screenshot(page, "run-canceled-resume-offered");
    await resume.click();
    await waitForRunStatus(page, "completed", 120_000);
    await expect
      .poll(() => page.getByTestId("logs").textContent())
      .toMatch(/retried: resumes from its checkpoint at epoch \d+/);
    await stack.screenshot(page, "run-resumed-completed");
    await page.close();
  }, 240_000);
});
