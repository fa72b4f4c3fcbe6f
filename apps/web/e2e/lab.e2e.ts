/** The activation lab as a user tries it: pick a dataset, test a claim in one click, read the answer the workers' runs give. */
import { describe, expect, it } from "vitest";
import { e2eStack } from "./stack";

const stack = e2eStack();

describe("the activation lab", () => {
  it("tests the binary-step claim on moons and shows it confirmed, with the chart", async () => {
    const page = await stack.newPage();
    await page.goto(`${stack.baseUrl}/`);
    await page.getByRole("link", { name: "Activation lab" }).click();
    await page.waitForURL(/\/lab$/);
    await page.getByTestId("lab-dataset").selectOption("moons");
    // A two-class dataset cannot test the softmax claim: its button says why instead of failing later.
    const softmax = page.getByTestId("claim-softmax-output");
    expect(await softmax.getByTestId("claim-launch").isDisabled()).toBe(true);
    await expect.poll(() => softmax.textContent()).toMatch(/at least 3 classes; this one has 2/);

    const card = page.getByTestId("claim-binary-step");
    await card.getByTestId("claim-launch").click();
    // The card follows the runs as they finish; it settles once all six are done.
    await page.waitForFunction(
      () => {
        const outcome = document.querySelector(
          '[data-testid="claim-binary-step"] [data-testid="claim-outcome"]',
        );
        return (
          outcome?.textContent !== undefined &&
          outcome.textContent !== "waiting" &&
          !outcome.textContent.includes("runs done")
        );
      },
      null,
      { timeout: 150_000 },
    );
    await card.scrollIntoViewIfNeeded();
    await stack.screenshot(page, "lab-binary-step-confirmed");
    expect(await card.getByTestId("claim-outcome").textContent()).toBe("confirmed");
    const sentence = await card.getByTestId("claim-sentence").textContent();
    expect(sentence).toMatch(
      /^confirmed on moons: the step network's first-layer gradient was exactly 0 at every epoch of all 3 seeds/,
    );
    expect(await card.locator("svg polyline").count()).toBe(2);

    // More evidence on the same sweep: the answer is recomputed over every seed.
    await page.getByTestId("lab-seeds").selectOption("2");
    await card.getByTestId("claim-add-seeds").click();
    await expect.poll(() => card.getByTestId("claim-outcome").textContent()).toMatch(/runs done/);
    await page.waitForFunction(
      () =>
        /of all 5 seeds/.test(
          document.querySelector('[data-testid="claim-binary-step"] [data-testid="claim-sentence"]')
            ?.textContent ?? "",
        ),
      null,
      { timeout: 150_000 },
    );
    expect(await card.getByTestId("claim-outcome").textContent()).toBe("confirmed");
    await card.scrollIntoViewIfNeeded();
    await stack.screenshot(page, "lab-binary-step-more-seeds");
    await page.close();
  }, 360_000);
});
