/**
 * Uploaded datasets in the browser: the upload form previews and checks a CSV before sending it, the
 * server's refusal names the line and column, the same content is one dataset, and a sweep trains on it.
 */
import { describe, expect, it } from "vitest";
import { e2eStack } from "./stack";

// 300 rows of two features; the label column comes first, so it must be picked in the form.
const points = Array.from({ length: 300 }, (_, i) => {
  const x1 = Math.sin(i * 12.9898) * 2;
  const x2 = Math.cos(i * 78.233) * 2;
  return [x1 + x2 > 0 ? "above" : "below", x1.toFixed(4), x2.toFixed(4)];
});
const csv = (rows: string[][]) => `side,x1,x2\n${rows.map((r) => r.join(",")).join("\n")}\n`;
const goodFile = { name: "e2e-points.csv", mimeType: "text/csv", buffer: Buffer.from(csv(points)) };
const badRows = points.map((r, i) => (i === 119 ? [r[0] as string, r[1] as string, "abc"] : r));
const badFile = { name: "e2e-points-bad.csv", mimeType: "text/csv", buffer: Buffer.from(csv(badRows)) };

describe("uploaded datasets in the browser", () => {
  const stack = e2eStack();
  let hash = "";
  /** A new page on /datasets once the upload from the first test is listed. */
  const openDatasetsWithUpload = async () => {
    const page = await stack.newPage();
    await page.goto(`${stack.baseUrl}/datasets`);
    await page.getByTestId("upload-card").waitFor();
    return page;
  };

  it("previews a CSV, uploads it with the label column picked in the form, and lists it", async () => {
    const page = await stack.newPage();
    await page.goto(`${stack.baseUrl}/datasets`);
    await page.getByTestId("upload-form").waitFor();
    await page.getByText("No uploads yet.").waitFor();
    await page.getByTestId("upload-file").setInputFiles(goodFile);
    await expect.poll(() => page.getByTestId("upload-name").inputValue()).toBe("e2e-points");
    // The last column is the default guess; 'x2' as the label would leave one feature column.
    await expect.poll(() => page.getByTestId("upload-label").inputValue()).toBe("x2");
    await page.getByTestId("upload-label").selectOption("side");
    await page.getByTestId("upload-preview").waitFor();
    await expect(page.getByTestId("upload-preview").locator("tbody tr").count()).resolves.toBe(8);
    expect(await page.getByTestId("upload-problem").count()).toBe(0);
    await stack.screenshot(page, "datasets-upload-form");
    await page.getByTestId("upload-send").click();
    await expect(page.getByTestId("upload-outcome").textContent()).resolves.toBe("Stored as e2e-points v1.");

    const card = page.getByTestId("upload-card");
    await card.waitFor();
    await expect(card.textContent()).resolves.toMatch(/300 rows · 2 features · 2 classes/);
    await expect(card.getByTestId("class-balance").locator("span[title]").allTextContents()).resolves.toEqual(
      ["above", "below"],
    );
    hash = (await card.getByTestId("dataset-hash").getAttribute("data-hash")) ?? "";
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    await card.getByText("First rows").click();
    await card.getByTestId("dataset-rows").waitFor();
    await expect(card.getByTestId("dataset-rows").locator("tbody tr").count()).resolves.toBe(20);
    // The image sets are found by the web server too, and drawn as their first pictures.
    await page.getByTestId("builtin-mnist").getByTestId("dataset-images").waitFor();
    await page.getByTestId("builtin-fashion_mnist").getByTestId("dataset-images").waitFor();
    await stack.screenshot(page, "datasets-page");
    await page.close();
  });

  it("refuses a file with a non-numeric cell at its line and column, and stores nothing", async () => {
    const page = await openDatasetsWithUpload();
    await page.getByTestId("upload-file").setInputFiles(badFile);
    await page.getByTestId("upload-label").selectOption("side");
    // Checked in the browser before sending: header is line 1, the 120th row line 121.
    await expect(page.getByTestId("upload-problem").textContent()).resolves.toMatch(
      /line 121: column 'x2' is 'abc', not a number/,
    );
    await page.getByTestId("upload-send").click();
    await expect(page.getByTestId("upload-outcome").textContent()).resolves.toMatch(
      /^Refused: .*line 121.*'x2'.*'abc'/,
    );
    await stack.screenshot(page, "datasets-upload-refused");
    await page.reload();
    await page.getByTestId("upload-card").waitFor();
    expect(await page.getByTestId("upload-card").count()).toBe(1);
    await page.close();
  });

  it("says a second upload of the same content is already stored", async () => {
    const page = await openDatasetsWithUpload();
    await page.getByTestId("upload-file").setInputFiles(goodFile);
    await page.getByTestId("upload-name").fill("another name");
    await page.getByTestId("upload-label").selectOption("side");
    await page.getByTestId("upload-send").click();
    await expect(page.getByTestId("upload-outcome").textContent()).resolves.toMatch(
      /^Already stored as e2e-points v1/,
    );
    expect(await page.getByTestId("upload-card").count()).toBe(1);
    await page.close();
  });

  it("trains a sweep on the upload from the sweep form and reads its verdict", async () => {
    const page = await stack.newPage();
    await page.goto(`${stack.baseUrl}/sweeps/new`);
    await page.locator(`#dataset option[value="upload:${hash}"]`).waitFor({ state: "attached" });
    await page.locator("#dataset").selectOption(`upload:${hash}`);
    const chips = page.getByTestId("activation-choices").locator("label");
    await chips.first().waitFor();
    for (const chip of await chips.all()) {
      const keep = ["relu", "tanh"].includes((await chip.textContent())?.trim().toLowerCase() ?? "");
      if ((await chip.locator("input").isChecked()) !== keep) await chip.click();
    }
    await page.locator("#seeds").fill("2");
    await page.locator("#epochs").fill("20");
    await page.locator("#name").fill("activations on e2e-points");
    await expect(page.getByTestId("launch-sweep").textContent()).resolves.toBe("Launch 4 runs");
    await page.getByTestId("launch-sweep").click();
    await page.waitForURL(/\/sweeps\/[a-f0-9-]+$/);
    await page.waitForFunction(
      () => document.querySelector('[data-testid="sweep-done"]')?.textContent?.trim() === "4 / 4",
      null,
      { timeout: 120_000 },
    );
    expect(await page.getByTestId("count-COMPLETED").textContent()).toBe("4");
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="verdict-row"]').length === 2,
      null,
      { timeout: 20_000 },
    );
    await expect(page.getByTestId("verdict-sentence").textContent()).resolves.toMatch(/e2e-points/);
    await stack.screenshot(page, "datasets-sweep-verdict");

    // The datasets page now links the sweep from the upload it trained on.
    await page.goto(`${stack.baseUrl}/datasets`);
    const usage = page.getByTestId("upload-card").getByTestId("dataset-usage");
    await expect(usage.textContent()).resolves.toMatch(/4 runs · latest · activations on e2e-points/);
    await expect(page.getByTestId("upload-card").getByTestId("dataset-split").textContent()).resolves.toMatch(
      /train 240 \(80%\) · validation 60 \(20%\) · test 0/,
    );
    await stack.screenshot(page, "datasets-used-by");
    // "4 runs" opens the runs table filtered to that dataset: exactly the sweep's runs.
    await usage.getByRole("link", { name: "4 runs" }).click();
    await page.waitForURL(/\?q=dataset/);
    await expect.poll(() => page.getByTestId("run-name").count()).toBe(4);
    await page.close();
  }, 180_000);
});
