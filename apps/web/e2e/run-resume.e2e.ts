/** Retrying a canceled run as a user would: resume it from its last checkpoint, and it trains to the end. */
import { describe, expect, it } from "vitest";
import { e2eStack } from "./stack";

const stack = e2eStack();

describe("resuming a canceled run", () => {
  it("offers to resume from the last checkpoint or start over, and resumes to completion", async () => {
    const page = await stack.newPage();
    await page.goto(`${stack.baseUrl}/runs/new`);
    await page.locator("#samples").fill("3000");
    await page.locator("#epochs").fill("40");
    await page.getByTestId("launch").click();
    await page.waitForURL(/\/runs\/[a-z0-9]+$/);
    // A few epochs in, so their checkpoints are saved before the cancel.
    await page.waitForFunction(
      () => Number(document.querySelector('[data-testid="epoch"]')?.textContent?.split("/")[0]) >= 4,
      null,
      { timeout: 90_000 },
    );
    await page.getByTestId("cancel-run").click();
    await page.getByTestId("run-status").filter({ hasText: "canceled" }).waitFor({ timeout: 10_000 });
    const resume = page.getByTestId("resume-run");
    await resume.waitFor();
    expect(await resume.textContent()).toMatch(/^Resume from epoch \d+$/);
    expect(await page.getByTestId("retry-run").textContent()).toBe("Start over");
    await stack.screenshot(page, "run-canceled-resume-offered");
    await resume.click();
    await page.getByTestId("run-status").filter({ hasText: "completed" }).waitFor({ timeout: 120_000 });
    await expect
      .poll(() => page.getByTestId("logs").textContent())
      .toMatch(/retried: resumes from its checkpoint at epoch \d+/);
    await stack.screenshot(page, "run-resumed-completed");
    await page.close();
  }, 240_000);
});
