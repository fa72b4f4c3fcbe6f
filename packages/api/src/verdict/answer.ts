/**
 * The verdict over a set of runs, shared by sweeps.verdict and runs.verdict: which group (activation by
 * default, or any param) wins, by how much, how sure, and why.
 */
import { computeVerdict, type VerdictRun, ZVerdictOptions } from "@actlab/analysis";
import { METRIC } from "@actlab/core";
import type { VerdictRunData } from "@actlab/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";

// target and metric (with their messages and the val/acc default) are the analysis package's own options.
export const ZVerdictQuery = ZVerdictOptions.pick({ target: true, metric: true }).extend({
  groupBy: z
    .string()
    .min(1, "groupBy must name a param, e.g. activation")
    .max(100, "groupBy is too long")
    .default("activation"),
});
export type VerdictQuery = z.output<typeof ZVerdictQuery>;

const EMPTY = { steps: [], values: [] };

/** `what` names the set in messages: "this sweep's runs", "these runs". */
export function answerVerdict(data: { runs: VerdictRunData[] }, input: VerdictQuery, what: string) {
  const { metric } = input;
  const groupKeys = groupableKeys(data.runs);
  if (input.groupBy !== "activation" && !groupKeys.some((k) => k.key === input.groupBy)) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `groupBy: ${what} have no param "${input.groupBy}" (try ${groupKeys
        .filter((k) => k.distinct > 1)
        .map((k) => k.key)
        .join(", ")})`,
    });
  }
  const runs: VerdictRun[] = data.runs.map((r) => ({
    id: r.id,
    group: groupOf(r, input.groupBy),
    status: r.status,
    dataset: r.dataset,
    summary: r.summary,
    metric: r.series[metric] ?? EMPTY,
    epochs: r.series[METRIC.epoch] ?? EMPTY,
    epochSeconds: r.series[METRIC.epochSeconds] ?? EMPTY,
    deadFrac: r.deadFrac,
    gradRatio: r.gradRatio,
    configKey: configKey(r, input.groupBy),
  }));
  const verdict = computeVerdict({ runs, groupBy: input.groupBy }, { target: input.target, metric });
  return { ...verdict, groupKeys };
}

/** "relu" for activation; "lr=0.01" for any other param, so a sentence reads "lr=0.1 beats lr=0.01". */
function groupOf(run: VerdictRunData, key: string): string {
  if (key === "activation") return run.params.activation ?? run.activation;
  return `${key}=${run.params[key] ?? "unset"}`;
}

/** The run's params apart from its seed and the grouping param: equal keys mean "same config, another seed". */
function configKey(run: VerdictRunData, groupBy: string): string {
  return Object.entries(run.params)
    .filter(([k]) => k !== "seed" && k !== groupBy)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
}

/** Every param key present on the runs with its number of distinct values (the UI offers those that vary). */
function groupableKeys(runs: readonly VerdictRunData[]): Array<{ key: string; distinct: number }> {
  const values = new Map<string, Set<string>>();
  for (const r of runs) {
    for (const [k, v] of Object.entries(r.params)) {
      const set = values.get(k) ?? new Set<string>();
      set.add(v);
      values.set(k, set);
    }
  }
  return [...values]
    .map(([key, set]) => ({ key, distinct: set.size }))
    .sort((a, b) => b.distinct - a.distinct || a.key.localeCompare(b.key));
}
