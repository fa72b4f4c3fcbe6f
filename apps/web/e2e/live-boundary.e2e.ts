/**
 * The run page keeps up with a fast run: while it trains, the model panel (decision boundary and confusion
 * matrix) and the diagnostics follow the newest epoch within a second, and the first ETA is close.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { launchRun, waitForRunStatus } from "./run-form";
import { e2eStack } from "./stack";

const stack = e2eStack();

/** What the page showed at one moment: the newest epoch, the epochs the panels show, the ETA text. */
type Sample = {
  t: number;
  progress: number | null;
  model: number | null;
  diagnostics: number | null;
  confusion: string;
  eta: string;
  status: string;
};

/** Records, in the page, every change of what `Sample` holds (a MutationObserver, so nothing is missed). */
async function startRecording(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __samples: Sample[] };
    w.__samples = [];
    const text = (id: string) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? "";
    const num = (s: string | null | undefined) => (s && /^\d+$/.test(s.trim()) ? Number(s) : null);
    const read = (): Sample => ({
      t: performance.now(),
      progress: num(text("epoch").split("/")[0]),
      model: num(text("model-epoch")),
      diagnostics: num(
        document.querySelector('[data-testid="layer-diagnostics"]')?.getAttribute("data-epoch"),
      ),
      confusion: text("confusion"),
      eta: text("eta"),
      status: text("run-status"),
    });
    const record = () => {
      const s = read();
      const prev = w.__samples.at(-1);
      const same =
        prev &&
        (["progress", "model", "diagnostics", "confusion", "eta", "status"] as const).every(
          (k) => prev[k] === s[k],
        );
      if (!same) w.__samples.push(s);
    };
    new MutationObserver(record).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
    record();
  });
}

/** For each newest epoch the page announced (from epoch 1), how long until the panel showed it or a later one. */
function lagsMs(samples: Sample[], panel: "model" | "diagnostics"): number[] {
  const lags: number[] = [];
  for (const [i, s] of samples.entries()) {
    const epoch = s.progress;
    if (epoch === null || epoch < 1 || samples[i - 1]?.progress === epoch) continue;
    const caught = samples.find((x) => x.t >= s.t && (x[panel] ?? -1) >= epoch);
    if (caught) lags.push(caught.t - s.t);
  }
  return lags;
}

/** "850 ms", "12.5 s", "1 min 3 s" → seconds. */
function etaSeconds(text: string): number | null {
  const ms = text.match(/^([\d.]+) ms$/);
  if (ms) return Number(ms[1]) / 1000;
  const s = text.match(/^([\d.]+) s$/);
  if (s) return Number(s[1]);
  const min = text.match(/^(\d+) min (\d+) s$/);
  return min ? Number(min[1]) * 60 + Number(min[2]) : null;
}

const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? Number.NaN;

/** Long enough to watch live, each epoch quick: hundreds of epochs in well under a minute. */
const FAST_RUN = { dataset: "spirals", samples: 5000, hiddenLayers: "48, 48", epochs: 600 };

describe("the run page while a fast run trains", () => {
  it("shows the newest epoch's boundary, confusion and diagnostics within a second, and a close first ETA", async () => {
    const page = await stack.newPage();
    await launchRun(stack, page, FAST_RUN);
    await page.getByTestId("model-epoch").waitFor({ timeout: 60_000 });
    await startRecording(page);
    await page.waitForTimeout(3000);
    await stack.screenshot(page, "live-boundary-mid-run");
    await waitForRunStatus(page, "completed", 180_000);
    const samples = await page.evaluate(() => (window as unknown as { __samples: Sample[] }).__samples);

    const model = lagsMs(samples, "model");
    const diagnostics = lagsMs(samples, "diagnostics");
    const running = samples.filter((s) => s.status.includes("running"));
    const confusions = new Set(running.map((s) => s.confusion).filter((c) => c.length > 0));
    // The first ETA after epoch 1 against the time the run then really took to finish.
    const first = running.find((s) => (s.progress ?? 0) >= 1 && etaSeconds(s.eta) !== null);
    const end = samples.find((s) => s.status.includes("completed"));
    const etaRatio =
      first && end ? (etaSeconds(first.eta) as number) / ((end.t - first.t) / 1000) : Number.NaN;
    console.log(
      JSON.stringify({
        epochsAnnounced: model.length,
        modelLagMs: { p50: Math.round(percentile(model, 50)), max: Math.round(Math.max(...model)) },
        diagnosticsLagMs: {
          p50: Math.round(percentile(diagnostics, 50)),
          max: Math.round(Math.max(...diagnostics)),
        },
        confusionsShown: confusions.size,
        firstEta: first?.eta,
        etaRatio,
      }),
    );
    expect(model.length).toBeGreaterThan(20);
    expect(Math.max(...model)).toBeLessThanOrEqual(1000);
    expect(Math.max(...diagnostics)).toBeLessThanOrEqual(1000);
    // The confusion matrix is rebuilt from each newly shown epoch's weights, not held at the first.
    expect(confusions.size).toBeGreaterThan(10);
    expect(etaRatio).toBeGreaterThanOrEqual(0.5);
    expect(etaRatio).toBeLessThanOrEqual(2);
    await page.close();
  }, 300_000);

  it("keeps a pinned epoch while the run trains on", async () => {
    const page = await stack.newPage();
    await launchRun(stack, page, FAST_RUN);
    await page.waitForFunction(
      () => Number(document.querySelector('[data-testid="model-epoch"]')?.textContent) >= 5,
      null,
      { timeout: 60_000 },
    );
    // The slider's first stop is the first saved epoch.
    await page.getByTestId("epoch-slider").fill("0");
    await expect.poll(() => page.getByTestId("model-epoch").textContent()).toBe("1");
    const newest = Number((await page.getByTestId("epoch").textContent())?.split("/")[0]);
    await page.waitForFunction(
      (n) => Number(document.querySelector('[data-testid="epoch"]')?.textContent?.split("/")[0]) > n + 20,
      newest,
      { timeout: 60_000 },
    );
    expect(await page.getByTestId("model-epoch").textContent()).toBe("1");
    await stack.screenshot(page, "live-boundary-pinned");
    await page.close();
  }, 300_000);
});
