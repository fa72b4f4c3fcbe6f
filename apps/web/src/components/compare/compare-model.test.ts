import { describe, expect, it } from "vitest";
import { PALETTE } from "@/lib/palette";
import { buildLines, type CompareRun, type CompareSeriesIn, summaryScope } from "./compare-model";

const run = (id: string, activation: string, lr: number): CompareRun => ({
  id,
  name: id,
  status: "COMPLETED",
  params: { activation, lr },
});
const series = (runId: string, values: number[]): CompareSeriesIn => ({
  runId,
  key: "val/acc",
  steps: values.map((_, i) => (i + 1) * 10),
  values,
  wallMs: values.map((_, i) => 1000 * (i + 1)),
});
const epochs = (runId: string, n: number): CompareSeriesIn => ({
  runId,
  key: "epoch",
  steps: Array.from({ length: n }, (_, i) => (i + 1) * 10),
  values: Array.from({ length: n }, (_, i) => i + 1),
  wallMs: Array.from({ length: n }, (_, i) => 1000 * (i + 1)),
});

const runs = [run("a", "relu", 0.1), run("b", "relu", 0.01), run("c", "tanh", 0.1)];
const data = [
  series("a", [0.5, 0.7, 0.9]),
  series("b", [0.5, 0.8, 0.8]),
  series("c", [0.4, 0.5, 0.6]),
  epochs("a", 3),
  epochs("b", 3),
  epochs("c", 3),
];
const base = {
  runs,
  series: data,
  key: "val/acc",
  x: "step" as const,
  group: "activation",
  band: "std" as const,
  smooth: 0,
  members: true,
  hide: [],
  zoom: null,
};

describe("compare lines", () => {
  it("draws a mean with a band per group, members faintly, and one line for a single-run group", () => {
    const { lines, stats } = buildLines(base);
    const relu = lines.find((l) => l.label === "relu mean");
    expect(relu?.y.map((v) => Number(v?.toFixed(3)))).toEqual([0.5, 0.75, 0.85]);
    expect(relu?.hi?.[2]).toBeGreaterThan(0.85);
    expect(lines.filter((l) => l.kind === "member")).toHaveLength(2);
    expect(lines.find((l) => l.group === "tanh")?.kind).toBe("run");
    expect(stats.map((s) => [s.group, s.runs, s.best])).toEqual([
      ["relu", 2, 0.9],
      ["tanh", 1, 0.6],
    ]);
  });

  it("groups by any hyperparameter and hides toggled groups", () => {
    const { lines } = buildLines({ ...base, group: "lr", hide: ["0.01"] });
    expect(new Set(lines.map((l) => l.group))).toEqual(new Set(["0.1"]));
  });

  it("maps steps to epochs and wall time to seconds since the start", () => {
    const byEpoch = buildLines({ ...base, group: "none", x: "epoch" }).lines[0];
    expect(byEpoch?.x).toEqual([1, 2, 3]);
    const relative = buildLines({ ...base, group: "none", x: "relative" }).lines[0];
    expect(relative?.x).toEqual([0, 1, 2]);
  });

  it("smooths with a debiased EMA and keeps the raw line as a ghost", () => {
    const { lines } = buildLines({ ...base, group: "none", smooth: 0.6 });
    const raw = lines.find((l) => l.kind === "raw" && l.group === "a");
    const smoothed = lines.find((l) => l.kind === "run" && l.group === "a");
    expect(raw?.y).toEqual([0.5, 0.7, 0.9]);
    expect(smoothed?.y[0]).toBeCloseTo(0.5, 10); // debiased: no pull toward zero at the start
    expect(smoothed?.y[2] as number).toBeLessThan(0.9);
  });
});

describe("the summary over a zoom", () => {
  it("reads each run's last value inside the zoomed range, on any x axis", () => {
    // Steps 10, 20, 30: a zoom to 5–25 ends at the second point.
    const byStep = buildLines({ ...base, zoom: { from: 5, to: 25 } }).stats;
    expect(byStep.map((s) => [s.group, s.last.mean, s.best])).toEqual([
      ["relu", 0.75, 0.8],
      ["tanh", 0.5, 0.5],
    ]);
    // Epochs 1, 2, 3: 0.5–1.5 holds only the first point.
    const byEpoch = buildLines({ ...base, x: "epoch", zoom: { from: 0.5, to: 1.5 } }).stats;
    expect(byEpoch.map((s) => s.best)).toEqual([0.5, 0.4]);
    expect(buildLines(base).stats.map((s) => s.best)).toEqual([0.9, 0.6]);
  });

  it("names the zoomed range in the x axis' units, or the whole runs", () => {
    expect(summaryScope("step", { from: 120, to: 480 })).toBe("steps 120–480 (zoomed)");
    expect(summaryScope("epoch", { from: 2.5, to: 7.125 })).toBe("epochs 2.5–7.13 (zoomed)");
    expect(summaryScope("relative", { from: 5, to: 150 })).toBe("time since start 5 s–2m 30s (zoomed)");
    expect(summaryScope("step", null)).toBe("whole runs");
  });
});

describe("group colours", () => {
  it("keeps sixteen groups in clearly different colours", () => {
    const rgb = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
    const distance = (a: string, b: string) => Math.hypot(...rgb(a).map((v, i) => v - (rgb(b)[i] as number)));
    for (const [i, a] of PALETTE.entries()) {
      for (const b of PALETTE.slice(i + 1)) expect(distance(a, b), `${a} vs ${b}`).toBeGreaterThan(60);
    }
    expect(PALETTE).toHaveLength(16);
  });
});
