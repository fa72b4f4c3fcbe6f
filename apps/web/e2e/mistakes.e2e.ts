/** Image data on the run page: the network's mistakes as pictures with both labels, no decision boundary. */
import { describe, expect, it } from "vitest";
import { launchRun, waitForRunStatus } from "./run-form";
import { e2eStack } from "./stack";

const stack = e2eStack();

describe("a run on image data", () => {
  it("shows the validation pictures it got wrong, each with its answer and true class, and follows new epochs", async () => {
    const page = await stack.newPage();
    await launchRun(stack, page, { dataset: "digits", epochs: 3 });
    await waitForRunStatus(page, "completed", 90_000);
    await expect.poll(() => page.getByTestId("mistakes-epoch").textContent(), { timeout: 15_000 }).toBe("3");

    const captions = await page.getByTestId("mistake").locator("figcaption").allTextContents();
    expect(captions.length).toBeGreaterThan(0);
    expect(captions.length).toBeLessThanOrEqual(24);
    for (const caption of captions) {
      const [answer, truth] = caption.split(" · is ");
      expect(truth).toMatch(/^\S+$/);
      expect(answer).not.toBe(truth);
    }
    // Each picture is drawn: some ink, not a blank canvas.
    const inked = await page
      .getByTestId("mistake")
      .locator("canvas")
      .evaluateAll((canvases) =>
        canvases.map((c) => {
          const data = (c as HTMLCanvasElement).getContext("2d")?.getImageData(0, 0, 8, 8).data ?? [];
          return Array.from(data).some((v, i) => i % 4 === 0 && v < 200);
        }),
      );
    expect(inked.every(Boolean)).toBe(true);
    expect(await page.getByTestId("boundary-canvas").count()).toBe(0);
    await stack.screenshot(page, "run-mistakes-digits");
    await page.close();
  }, 180_000);
});
