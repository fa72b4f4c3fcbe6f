/** "+3 seeds" on a sweep's verdict: the same configs with more seeds, trained, and the answer updated. */
import { describe, expect, it } from "vitest";
import { e2eStack } from "./stack";

const stack = e2eStack();

describe("extending a sweep with more seeds", () => {
  it("adds three seeds of every config from the verdict and counts them once they finish", async () => {
    const { id } = await stack.mutate("sweeps.create", {
      spec: {
        base: {
          dataset: { kind: "generated", name: "moons", samples: 200 },
          hiddenLayers: [8],
          activation: "relu",
          epochs: 15,
        },
        axes: { activation: ["relu", "tanh"] },
        seeds: 1,
      },
    });
    const page = await stack.newPage();
    await page.goto(`${stack.baseUrl}/sweeps/${id}`);
    const done = (n: number) =>
      page.waitForFunction(
        (want) => document.querySelector('[data-testid="sweep-done"]')?.textContent?.trim() === want,
        `${n} / ${n}`,
        { timeout: 90_000 },
      );
    await done(2);
    await page.getByTestId("verdict-add-seeds").click();
    await done(8);
    // Each activation's row now rests on four seeds.
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('[data-testid="verdict-row"]')].every((row) =>
          row.children[2]?.textContent?.trim().startsWith("4"),
        ),
      null,
      { timeout: 20_000 },
    );
    expect(await page.getByTestId("verdict-row").count()).toBe(2);
    await stack.screenshot(page, "sweep-more-seeds");
    await page.close();
  }, 180_000);
});
