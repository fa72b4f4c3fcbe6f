/** The sweep verdict: per group of runs (activation by default), outcome statistics, cost, diagnostics, a rank and a test against the best. */
import { finiteValues, mean, quantile, std } from "./describe";
import { welchTTest } from "./t-test";
import { tostEquivalence, welchCi } from "./tost";
import { verdictSentence } from "./verdict-sentence";
import {
  type GroupVerdict,
  type Verdict,
  type VerdictMetric,
  type VerdictOptions,
  type VerdictRun,
  ZVerdictOptions,
} from "./verdict-types";

export function computeVerdict(
  input: { runs: readonly VerdictRun[]; groupBy?: string },
  options: VerdictOptions = {},
): Verdict {
  const opts = ZVerdictOptions.parse(options);
  const groupBy = input.groupBy ?? "activation";
  const byGroup = new Map<string, VerdictRun[]>();
  for (const run of input.runs) {
    const list = byGroup.get(run.group);
    if (list) list.push(run);
    else byGroup.set(run.group, [run]);
  }

  const outcomes = [...byGroup].map(([group, runs]) => {
    const completed = runs.filter((r) => r.status === "COMPLETED");
    const finals = finiteValues(completed.map((r) => finalValue(r, opts.metric)));
    return { group, runs, completed, finals };
  });
  // Rank by mean final accuracy; on an exact tie (several at 100%, say) the group that diverged less
  // often goes first, then the lower final loss, then names, so the order never depends on query order.
  const ranked = outcomes
    .filter((o) => o.finals.length > 0)
    .sort(
      (a, b) =>
        (mean(b.finals) as number) - (mean(a.finals) as number) ||
        divergedShare(a.runs) - divergedShare(b.runs) ||
        meanFinalLoss(a.completed) - meanFinalLoss(b.completed) ||
        a.group.localeCompare(b.group),
    );
  const best = ranked[0];
  const bestMean = best ? (mean(best.finals) as number) : null;
  const targetIsDefault = opts.target === undefined;
  const target = opts.target ?? (bestMean === null ? null : Math.round(0.95 * bestMean * 100) / 100);

  const unranked = outcomes
    .filter((o) => o.finals.length === 0)
    .sort((a, b) => a.group.localeCompare(b.group));
  const groups: GroupVerdict[] = [...ranked, ...unranked].map((o) => {
    const rankIndex = ranked.indexOf(o);
    const reach = target === null ? [] : o.completed.map((r) => reachTarget(r, target));
    const reached = reach.filter((x) => x !== null);
    const test = best && o !== best ? welchTTest(o.finals, best.finals) : null;
    const ci = best && o !== best ? welchCi(o.finals, best.finals, 0.95) : null;
    const tost =
      best && o !== best ? tostEquivalence(o.finals, best.finals, opts.margin / 100, opts.alpha) : null;
    return {
      group: o.group,
      rank: rankIndex >= 0 ? rankIndex + 1 : null,
      n: o.completed.length,
      diverged: o.runs.filter((r) => r.status === "DIVERGED").length,
      excluded: o.runs.filter((r) => r.status === "FAILED" || r.status === "CANCELED").length,
      pending: o.runs.filter((r) => r.status === "QUEUED" || r.status === "RUNNING").length,
      finalAcc: {
        mean: mean(o.finals),
        std: std(o.finals),
        min: quantile(o.finals, 0),
        max: quantile(o.finals, 1),
        values: o.finals,
      },
      finalLoss: describeMeanStd(o.completed.map((r) => r.summary?.final_val_loss ?? null)),
      target: {
        reached: reached.length,
        of: o.completed.length,
        epochs: mean(reached.map((x) => x.epoch)),
        seconds: mean(finiteValues(reached.map((x) => x.seconds))),
      },
      secondsPerEpoch: mean(finiteValues(o.completed.map((r) => mean(finiteValues(r.epochSeconds.values))))),
      deadPct: deadPercent(o.completed),
      gradRatio: geometricMean(o.completed.map((r) => r.gradRatio)),
      vsBest:
        !best || o === best || bestMean === null || o.finals.length === 0
          ? null
          : {
              diffPoints: ((mean(o.finals) as number) - bestMean) * 100,
              sePoints: test ? test.se * 100 : null,
              p: test ? test.p : null,
              df: test ? test.df : null,
              ciLoPoints: ci ? ci.lo * 100 : null,
              ciHiPoints: ci ? ci.hi * 100 : null,
              tostP: tost ? tost.p : null,
            },
    };
  });

  holmAdjust(groups);

  const datasets = new Set(input.runs.map((r) => r.dataset).filter((d): d is string => !!d));
  const dataset = datasets.size === 1 ? ([...datasets][0] as string) : null;
  const pooled = [...byGroup.values()].some((runs) => new Set(runs.map((r) => r.configKey ?? "")).size > 1);
  const finishedRuns = input.runs.filter((r) => r.status === "COMPLETED" || r.status === "DIVERGED").length;
  const pendingRuns = groups.reduce((sum, g) => sum + g.pending, 0);
  return {
    groupBy,
    metric: opts.metric,
    target,
    targetIsDefault,
    alpha: opts.alpha,
    margin: opts.margin,
    dataset,
    groups,
    best: best?.group ?? null,
    finishedRuns,
    pendingRuns,
    pooled,
    sentence: verdictSentence({
      groups,
      dataset,
      alpha: opts.alpha,
      margin: opts.margin,
      pendingRuns,
      unit: pooled ? "run" : "seed",
      groupBy,
      target,
    }),
  };
}

/** Mean final validation loss of completed runs; +∞ without one, so a group with a loss ranks first. */
function meanFinalLoss(runs: readonly VerdictRun[]): number {
  return mean(finiteValues(runs.map((r) => r.summary?.final_val_loss ?? null))) ?? Number.POSITIVE_INFINITY;
}

/** Share of a group's finished runs that diverged. */
function divergedShare(runs: readonly VerdictRun[]): number {
  const diverged = runs.filter((r) => r.status === "DIVERGED").length;
  const finished = runs.filter((r) => r.status === "COMPLETED").length + diverged;
  return finished === 0 ? 0 : diverged / finished;
}

/** The run's final value of the metric: the summary's (written at the last epoch), else the series' last finite point. */
function finalValue(run: VerdictRun, metric: VerdictMetric): number | null {
  const fromSummary = run.summary?.[`final_${metric.replace("/", "_")}`];
  if (typeof fromSummary === "number" && Number.isFinite(fromSummary)) return fromSummary;
  for (let i = run.metric.values.length - 1; i >= 0; i--) {
    const v = run.metric.values[i];
    if (typeof v === "number" && Number.isFinite(v)) return v;
  }
  return null;
}

/** The first epoch whose metric reaches the target, and the training seconds spent up to its end. */
function reachTarget(run: VerdictRun, target: number): { epoch: number; seconds: number | null } | null {
  const i = run.metric.values.findIndex((v) => v !== null && v >= target);
  if (i < 0) return null;
  const step = run.metric.steps[i] as number;
  const e = run.epochs.steps.indexOf(step);
  // Epoch-level points share the step where the epoch ended; without the `epoch` key, count points.
  const epoch = e >= 0 ? (run.epochs.values[e] ?? i + 1) : i + 1;
  if (run.epochSeconds.steps.length === 0) return { epoch, seconds: null };
  let seconds = 0;
  run.epochSeconds.steps.forEach((s, k) => {
    const v = run.epochSeconds.values[k];
    if (s <= step && typeof v === "number" && Number.isFinite(v)) seconds += v;
  });
  return { epoch, seconds };
}

function describeMeanStd(values: readonly (number | null)[]) {
  const xs = finiteValues(values);
  return { mean: mean(xs), std: std(xs) };
}

/** Mean over seeds of each seed's mean over its hidden layers, as a percentage. */
function deadPercent(runs: readonly VerdictRun[]): number | null {
  const perRun = finiteValues(runs.map((r) => mean(finiteValues(r.deadFrac))));
  const m = mean(perRun);
  return m === null ? null : m * 100;
}

/** Ratios spread over orders of magnitude: the geometric mean is the one that is not ruled by the largest. */
function geometricMean(values: readonly (number | null)[]): number | null {
  const logs = finiteValues(values)
    .filter((v) => v > 0)
    .map(Math.log);
  const m = mean(logs);
  return m === null ? null : Math.exp(m);
}

/**
 * Holm–Bonferroni over the comparisons with the best group: with nine activations there are eight tests,
 * and the best was picked after looking, so raw p-values would call too many gaps significant. The raw
 * value stays in `pRaw`.
 */
function holmAdjust(groups: GroupVerdict[]): void {
  const tested = groups
    .map((g) => g.vsBest)
    .filter((v): v is NonNullable<GroupVerdict["vsBest"]> & { p: number } => v !== null && v.p !== null)
    .sort((a, b) => a.p - b.p);
  const m = tested.length;
  let running = 0;
  tested.forEach((v, i) => {
    v.pRaw = v.p;
    running = Math.max(running, Math.min(1, (m - i) * v.p));
    v.p = running;
  });
}
