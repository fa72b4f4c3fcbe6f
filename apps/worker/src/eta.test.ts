import { describe, expect, it } from "vitest";
import { createEtaEstimator, ETA_WINDOW_MS, MIN_SPAN_MS, WARM_FIRST_EPOCH_MS, WARM_UP_MS } from "./eta";

/** A run of `epochs` epochs of 10 steps whose first epoch costs `firstMs` and every later one `epochMs`. */
function simulate(epochs: number, firstMs: number, epochMs: (epoch: number) => number) {
  const eta = createEtaEstimator({ step: 0, t: 0 }, epochs * 10);
  const ends: number[] = [];
  let t = 0;
  for (let e = 1; e <= epochs; e++) {
    t += e === 1 ? firstMs : epochMs(e);
    ends.push(t);
  }
  return ends.map((end, i) => ({ t: end, eta: eta.epochEnded((i + 1) * 10, end), actual: (t - end) / 1000 }));
}

describe("ETA", () => {
  it("says nothing during a short run's start-up, then its real pace, not the start-up's", () => {
    // Start-up spread over the first epochs (300, 100 and 50 ms), then 20 ms epochs; a pace read from the
    // start would say 5× too long, one read from the second epoch on still 2× (measured on the worker).
    const run = simulate(600, 300, (e) => (e === 2 ? 100 : e === 3 ? 50 : 20));
    const early = run.filter((r) => r.t < WARM_UP_MS + MIN_SPAN_MS);
    expect(early.every((r) => r.eta === null)).toBe(true);
    const first = run.find((r) => r.eta !== null);
    expect((first?.eta as number) / (first?.actual as number)).toBeCloseTo(1, 5);
  });

  it("answers after a first epoch long enough that start-up does not matter", () => {
    const run = simulate(20, WARM_FIRST_EPOCH_MS + 500, () => WARM_FIRST_EPOCH_MS + 400);
    const ratio = (run[0]?.eta as number) / (run[0]?.actual as number);
    expect(ratio).toBeGreaterThan(0.9);
    expect(ratio).toBeLessThan(1.1);
    expect((run[1]?.eta as number) / (run[1]?.actual as number)).toBeCloseTo(1, 5);
  });

  it("follows a run that slows down, within the window", () => {
    // 50 ms epochs for 400 epochs (20 s), then 200 ms epochs.
    const run = simulate(800, 50, (e) => (e <= 400 ? 50 : 200));
    const settled = run[400 + Math.ceil(ETA_WINDOW_MS / 200) + 1];
    expect((settled?.eta as number) / (settled?.actual as number)).toBeCloseTo(1, 1);
  });

  it("says 0 at the end and never answers with a division by zero", () => {
    const run = simulate(5, 3000, () => 3000);
    expect(run.at(-1)?.eta).toBe(0);
    const eta = createEtaEstimator({ step: 0, t: 0 }, 100);
    expect(eta.epochEnded(0, WARM_FIRST_EPOCH_MS)).toBeNull();
  });
});
