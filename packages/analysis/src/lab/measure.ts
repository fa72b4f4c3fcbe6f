/** What every claim measures with: finished runs, final values, seed groups and the two tests. */

import { diagKey, METRIC } from "@actlab/core";
import { ci95HalfWidth, finiteValues, mean } from "../describe";
import { welchTTest } from "../t-test";
import { tostEquivalence, welchCi } from "../tost";
import type { EpochPoint, LabChart, LabOutcome, LabRun } from "./types";

export const ALPHA = 0.05;

/** Runs that trained to their end; a diverged run counts, with its (poor) last values. */
export function finishedRuns(runs: readonly LabRun[]): LabRun[] {
  return runs.filter((run) => run.status === "COMPLETED" || run.status === "DIVERGED");
}

export function finalValue(run: LabRun, key: string): number | null {
  const points = run.series[key];
  const last = points?.[points.length - 1];
  return last && Number.isFinite(last[1]) ? last[1] : null;
}

/** The largest final value of a key over the hidden layers (`diag/l1/dead_frac`, `diag/l2/dead_frac`, …). */
export function finalOverLayers(run: LabRun, stat: string): number | null {
  const values = run.config.hiddenLayers
    .map((_, layer) => finalValue(run, diagKey(`l${layer + 1}`, stat)))
    .filter((v): v is number => v !== null);
  return values.length ? Math.max(...values) : null;
}

export function finals(runs: readonly LabRun[], key: string): number[] {
  return finiteValues(runs.map((run) => finalValue(run, key)));
}

export type Gap = { diff: number; lo: number; hi: number; p: number; na: number; nb: number };

/** mean(a) − mean(b) with its 95% interval and Welch's p; null with fewer than two values a side. */
export function gap(a: readonly number[], b: readonly number[]): Gap | null {
  const test = welchTTest(a, b);
  const ci = welchCi(a, b);
  if (!test || !ci) return null;
  return {
    diff: test.diff,
    lo: ci.lo,
    hi: ci.hi,
    p: test.p,
    na: finiteValues(a).length,
    nb: finiteValues(b).length,
  };
}

/** The outcome of "a is larger than b": significant in the claimed direction, the other, or neither. */
export function largerOutcome(g: Gap | null): LabOutcome {
  if (!g) return "waiting";
  if (g.p >= ALPHA) return "not significant";
  return g.diff > 0 ? "confirmed" : "not confirmed";
}

/**
 * The outcome of "a does no better than b" (within ±margin): equivalence needs its own test (TOST); a
 * significant gain of a over b contradicts the claim; anything else cannot tell yet.
 */
export function noBetterOutcome(a: readonly number[], b: readonly number[], margin: number): LabOutcome {
  const g = gap(a, b);
  if (!g) return "waiting";
  if (g.p < ALPHA && g.diff > margin) return "not confirmed";
  const tost = tostEquivalence(a, b, margin, ALPHA);
  if (tost && tost.p < ALPHA) return "confirmed";
  if (g.p < ALPHA && g.diff < 0) return "confirmed";
  return "not significant";
}

export function seedsOf(g: Gap | null): number {
  return g ? Math.min(g.na, g.nb) : 0;
}

export function percent(x: number): string {
  return `${(100 * x).toFixed(1)}%`;
}

export function points(x: number): string {
  const value = (100 * x).toFixed(1);
  return `${x >= 0 ? "+" : ""}${value} pts`;
}

/** "+4.2 pts (95% CI +1.0 … +7.4, p = 0.012)": a gap in accuracy points with its interval and test. */
export function gapInPoints(g: Gap): string {
  return `${points(g.diff)} (95% CI ${points(g.lo)} … ${points(g.hi)}, Welch p ${pValue(g.p)})`;
}

export function pValue(p: number): string {
  return p < 0.001 ? "< 0.001" : `= ${p.toFixed(3)}`;
}

export function groupBy<K>(runs: readonly LabRun[], key: (run: LabRun) => K): Map<K, LabRun[]> {
  const groups = new Map<K, LabRun[]>();
  for (const run of runs) {
    const k = key(run);
    const list = groups.get(k);
    if (list) list.push(run);
    else groups.set(k, [run]);
  }
  return groups;
}

export type BarGroup = { label: string; values: readonly number[] };

/** One bar per group: the mean over seeds with its 95% interval. */
export function barChart(title: string, y: string, groups: readonly BarGroup[]): LabChart {
  return {
    kind: "bars",
    title,
    x: "",
    y,
    categories: groups.map((g) => g.label),
    ...(y.includes("acc") || y.includes("fraction") ? { yBounds: [0, 1] as const } : {}),
    series: [
      {
        label: y,
        points: groups.map((g, i) => [i, mean(finiteValues(g.values)) ?? Number.NaN] as const),
        band: groups.map((g) => ci95HalfWidth(finiteValues(g.values))),
      },
    ],
  };
}

/** Per group, the mean over its runs of a key at each epoch, with the 95% interval over seeds. */
export function meanCurve(
  runs: readonly LabRun[],
  key: string,
): { points: EpochPoint[]; band: (number | null)[] } {
  const byEpoch = new Map<number, number[]>();
  for (const run of runs) {
    for (const [epoch, value] of run.series[key] ?? []) {
      if (!Number.isFinite(value)) continue;
      const list = byEpoch.get(epoch);
      if (list) list.push(value);
      else byEpoch.set(epoch, [value]);
    }
  }
  const epochs = [...byEpoch.keys()].sort((a, b) => a - b);
  return {
    points: epochs.map((epoch) => [epoch, mean(byEpoch.get(epoch) as number[]) as number] as const),
    band: epochs.map((epoch) => ci95HalfWidth(byEpoch.get(epoch) as number[])),
  };
}

export function lineChart(
  title: string,
  y: string,
  groups: readonly { label: string; runs: readonly LabRun[] }[],
  key: string,
  logY = false,
): LabChart {
  return {
    kind: "lines",
    title,
    x: "epoch",
    y,
    logY,
    ...(key === METRIC.valAcc || key === METRIC.trainAcc ? { yBounds: [0, 1] as const } : {}),
    series: groups.map((g) => ({ label: g.label, ...meanCurve(g.runs, key) })),
  };
}

/**
 * The outcome of "a matches or beats b": significantly better, or non-inferior (the one-sided 95% lower
 * bound of a − b above −margin); significantly worse by more than the margin contradicts it.
 */
export function matchesOrBeatsOutcome(
  a: readonly number[],
  b: readonly number[],
  margin: number,
): LabOutcome {
  const g = gap(a, b);
  if (!g) return "waiting";
  if (g.p < ALPHA && g.diff > 0) return "confirmed";
  const tost = tostEquivalence(a, b, margin, ALPHA);
  if (tost && tost.lo > -margin) return "confirmed";
  if (tost && tost.hi < -margin) return "not confirmed";
  return "not significant";
}

/** The runs trained with one activation. */
export function withActivation(runs: readonly LabRun[], activation: string): LabRun[] {
  return runs.filter((run) => run.config.activation === activation);
}

/** Validation accuracy over the epochs, one line per activation, named by it. */
export function valAccByActivation(runsOf: Readonly<Record<string, readonly LabRun[]>>): LabChart {
  const groups = Object.entries(runsOf).map(([label, runs]) => ({ label, runs }));
  return lineChart("Validation accuracy", "val acc", groups, METRIC.valAcc);
}

/** n hidden layers of 16 units: the depth axis of the claims that vary depth. */
export function layersOfDepth(depth: number): number[] {
  return Array.from({ length: depth }, () => 16);
}
