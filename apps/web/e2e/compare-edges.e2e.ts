/**
 * The compare view's edges in the real app: a drag-zoom kept in the URL across a reload and named by the
 * summary, a double-click that resets it, smoothing redrawn without a request to the server, and the runs
 * table at a 1400 px window showing every run's whole name without scrolling sideways.
 */
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { e2eStack } from "./stack";

const stack = e2eStack();

const LONG_NAME = "baseline on breast cancer with a deliberately long name that says what the run tried";
const chart = (page: Page) => page.getByTestId("compare-chart");
const scope = (page: Page) => page.getByTestId("summary-scope").textContent();
const zoomOf = (url: string) => {
  const q = new URL(url).searchParams;
  return q.has("from") || q.has("to") ? { from: Number(q.get("from")), to: Number(q.get("to")) } : null;
};
/**
 * Every request the page sends to the app from now on. Chromium fetches the tab's icon again on any URL
 * change, a bare replaceState too (checked on a plain page): that one is the browser's, so it is left out.
 */
async function appRequests(page: Page): Promise<string[]> {
  const icons = await page
    .locator('link[rel~="icon"]')
    .evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).href));
  const requests: string[] = [];
  page.on("request", (r) => {
    if (r.url().startsWith(stack.baseUrl) && !icons.includes(r.url())) requests.push(r.url());
  });
  return requests;
}
/** A new page on the sweep's compare view, as its "Compare runs" button opens it, with the chart drawn. */
async function openSweepCompare(sweepId: string): Promise<Page> {
  const page = await stack.newPage();
  await page.goto(`${stack.baseUrl}/sweeps/${sweepId}`);
  await page.getByTestId("compare-sweep").click();
  await page.waitForURL(/\/compare\?/);
  await chart(page).locator("canvas").first().waitFor();
  return page;
}
/** The runs table's cells whose content does not fit them (cut off or hidden). */
const clippedCells = (page: Page) =>
  page
    .getByTestId("runs-table")
    .locator("th, td")
    .evaluateAll((cells) =>
      cells
        .filter((c) => c.scrollWidth > c.clientWidth || c.scrollHeight > c.clientHeight)
        .map((c) => c.textContent),
    );
/** The plot's pixels, to tell whether a change redrew it. */
const drawing = (page: Page) =>
  chart(page)
    .locator("canvas")
    .first()
    .evaluate((c: HTMLCanvasElement) => c.toDataURL());

describe("the compare view's zoom, smoothing and the runs table", () => {
  let sweepId = "";

  beforeAll(async () => {
    const sweep = await stack.mutate("sweeps.create", {
      spec: {
        base: {
          dataset: { kind: "generated", name: "moons", samples: 200 },
          hiddenLayers: [16, 16],
          activation: "relu",
          epochs: 30,
        },
        axes: { activation: ["relu", "leaky_relu", "hard_sigmoid"] },
        seeds: 2,
      },
    });
    sweepId = sweep.id;
    await stack.mutate("runs.create", {
      config: {
        dataset: { kind: "builtin", name: "breast_cancer" },
        hiddenLayers: [8],
        activation: "tanh",
        epochs: 3,
      },
      name: LONG_NAME,
    });
    const page = await stack.newPage();
    await page.goto(`${stack.baseUrl}/sweeps/${sweepId}`);
    await page.waitForFunction(
      () => document.querySelector('[data-testid="sweep-done"]')?.textContent?.trim() === "6 / 6",
      null,
      { timeout: 120_000 },
    );
    await page.close();
  }, 180_000);

  it("keeps a drag-zoom in the URL across a reload, names it in the summary, and resets on double-click", async () => {
    const page = await openSweepCompare(sweepId);
    await expect(scope(page)).resolves.toBe("Summary over whole runs");

    // The page is not rendered again: only the zoomed range is read, through the API.
    await page.waitForLoadState("networkidle");
    const requests = await appRequests(page);
    const over = chart(page).locator(".u-over");
    const box = await over.boundingBox();
    if (!box) throw new Error("the chart has no plot area");
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2, { steps: 8 });
    await page.mouse.up();
    await page.waitForURL(/[?&]from=\d+&to=\d+/);
    const zoom = zoomOf(page.url());
    if (!zoom) throw new Error("no zoom in the URL");
    expect(zoom.from).toBeGreaterThan(0);
    expect(zoom.to).toBeGreaterThan(zoom.from);
    const note = `Summary over steps ${zoom.from}–${zoom.to} (zoomed)`;
    await expect.poll(() => scope(page)).toBe(note);
    await expect(page.getByTestId("compare-legend").textContent()).resolves.toMatch(/in range/);
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => !/\/api\/trpc\/runs\.compare\?/.test(url))).toEqual([]);

    await page.reload();
    await chart(page).locator("canvas").first().waitFor();
    expect(zoomOf(page.url())).toEqual(zoom);
    await expect.poll(() => scope(page)).toBe(note);
    await page.getByRole("button", { name: "Reset zoom" }).waitFor();
    await stack.screenshot(page, "compare-edges-zoomed-after-reload");

    await over.dblclick();
    await expect.poll(() => zoomOf(page.url())).toBeNull();
    await expect.poll(() => scope(page)).toBe("Summary over whole runs");
    await page.close();
  });

  it("redraws smoothing, band, log scale and hidden groups without a single request to the server", async () => {
    const page = await openSweepCompare(sweepId);
    // Let the first load and its follow-ups (verdict, parallel coordinates) settle before counting.
    await page.waitForLoadState("networkidle");
    const before = await drawing(page);

    const requests = await appRequests(page);
    await page.getByTestId("smoothing").fill("0.9");
    await page.waitForURL(/smooth=0\.9/);
    await expect.poll(() => drawing(page)).not.toBe(before);
    await expect(page.getByTestId("smoothing").inputValue()).resolves.toBe("0.9");
    // The band, the log scale and hiding a group are drawn from the same loaded data.
    const smoothed = await drawing(page);
    await page.locator("#cmp-band").selectOption("ci95");
    await page.getByLabel("log scale").check();
    await page.getByTestId("compare-legend").locator("tbody tr").first().click();
    await page.waitForURL(/band=ci95&smooth=0\.9&hide=/);
    expect(new URL(page.url()).searchParams.get("log")).toBe("1");
    await expect.poll(() => drawing(page)).not.toBe(smoothed);
    await page.waitForTimeout(1_500); // a late server render or prefetch would show up here
    expect(requests).toEqual([]);
    await page.close();
  });

  it("shows every run's whole name at a 1400 px window, with no sideways scroll", async () => {
    const page = await stack.browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on("pageerror", (err) => console.error(`page error: ${err.message}`));
    await page.goto(stack.baseUrl);
    const names = page.getByTestId("run-name");
    await expect.poll(() => names.count()).toBe(7);
    const cells = await names.evaluateAll((tds) =>
      tds.map((td) => ({
        text: td.querySelector("a")?.textContent ?? "",
        clipped: td.scrollWidth > td.clientWidth || td.scrollHeight > td.clientHeight,
      })),
    );
    expect(cells.map((c) => c.text)).toContain(LONG_NAME);
    expect(cells.filter((c) => c.clipped)).toEqual([]);
    // Every other cell and every header reads in full too, a sorted one with its arrow.
    expect(await clippedCells(page)).toEqual([]);
    await stack.screenshot(page, "compare-edges-runs-1400");
    await page.getByRole("button", { name: "hiddenLayers" }).click();
    await page.waitForURL(/sort=hiddenLayers/);
    await page.locator('th[aria-sort="descending"]').getByText("▼").waitFor();
    expect(await clippedCells(page)).toEqual([]);
    const overflow = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      table: (() => {
        const scroller = document.querySelector('[data-testid="runs-table"]')?.parentElement;
        return scroller ? scroller.scrollWidth - scroller.clientWidth : -1;
      })(),
    }));
    // Neither the page nor the table scrolls sideways.
    expect(overflow).toEqual({ page: 0, table: 0 });
    await page.close();
  });
});
