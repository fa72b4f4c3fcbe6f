/** The verdict in one plain sentence, built only from the numbers: who wins, by how much, how sure, and the most striking diagnostic. */
import type { GroupVerdict } from "./verdict-types";

/** Thresholds for a diagnostic to be worth a clause. */
export const VANISHING_RATIO = 0.01;
export const EXPLODING_RATIO = 100;
export const DEAD_PCT = 20;

export type SentenceInput = {
  groups: readonly GroupVerdict[];
  dataset: string | null;
  alpha: number;
  /** Equivalence margin, accuracy points (TOST). */
  margin?: number;
  pendingRuns: number;
  /** "run" when a group pools runs that differ in more than their seed (say, several learning rates). */
  unit?: "seed" | "run";
  /** The grouping param, to name the groups as a whole ("all 6 activations"). */
  groupBy?: string;
  /** The accuracy "epochs → target" counts to: when accuracy ties, speed to it is the tiebreaker worth saying. */
  target?: number | null;
};

/** How much slower the slowest tied group must be for the speed clause to be worth saying. */
export const SPEED_GAP = 1.5;

export function verdictSentence(v: SentenceInput): string {
  const main = comparison(v);
  const diagnostic = mostStrikingDiagnostic(v.groups);
  return `${main}${diagnostic ? `; ${diagnostic}` : ""}.`;
}

function comparison({
  groups,
  dataset,
  alpha,
  margin = 1,
  pendingRuns: pending,
  unit = "seed",
  groupBy,
  target = null,
}: SentenceInput): string {
  const on = dataset ? ` on ${dataset}` : "";
  const noun = !groupBy || groupBy === "activation" ? "activations" : `${groupBy} values`;
  const ranked = groups.filter((g) => g.rank !== null);
  const best = ranked[0];
  if (!best) {
    const diverged = groups.reduce((sum, g) => sum + g.diverged, 0);
    const excluded = groups.reduce((sum, g) => sum + g.excluded, 0);
    if (diverged + excluded > 0) {
      const parts = [
        diverged > 0 ? `${diverged} diverged` : null,
        excluded > 0 ? `${excluded} failed or were canceled` : null,
        pending > 0 ? `${pending} still to run` : null,
      ].filter((x) => x !== null);
      return `No run has completed (${parts.join(", ")}), so nothing can be ranked yet`;
    }
    return pending > 0
      ? "No run has finished yet: the verdict appears as seeds complete"
      : "This sweep has no runs";
  }
  const runnerUp = ranked[1];
  if (!runnerUp?.vsBest) {
    return `${best.group} reaches ${accText(best)}${on} (${seeds([best], unit)}); there is nothing to compare it with yet`;
  }
  const gap = -runnerUp.vsBest.diffPoints;
  if (runnerUp.vsBest.p === null) {
    return `${best.group} leads ${runnerUp.group}${on} by ${gap.toFixed(1)} points, but with ${seeds([best, runnerUp], unit)} that is not evidence yet`;
  }
  if (runnerUp.vsBest.p < alpha) {
    const others = ranked.slice(1);
    const beatsAll =
      others.length > 1 && others.every((g) => g.vsBest?.p !== null && (g.vsBest?.p ?? 1) < alpha);
    const margin = `${gap.toFixed(1)} ± ${(runnerUp.vsBest.sePoints ?? 0).toFixed(1)} points (${pText(runnerUp.vsBest.p)}, ${seeds([best, runnerUp], unit)})`;
    return beatsAll
      ? `${best.group} beats all ${others.length} others${on}; the closest, ${runnerUp.group}, by ${margin}`
      : `${best.group} beats ${runnerUp.group}${on} by ${margin}`;
  }
  const tied = ranked.filter((g) => g.vsBest && g.vsBest.p !== null && g.vsBest.p >= alpha);
  const worse = ranked.filter((g) => g.vsBest && g.vsBest.p !== null && g.vsBest.p < alpha);
  const minP = Math.min(...tied.map((g) => g.vsBest?.p ?? 1));
  // Holm-adjusted p-values reach 1 often: "p ≥ 1" would read oddly.
  const p = tied.length === 1 || minP >= 0.995 ? pText(minP) : `p ≥ ${pNumber(minP)}`;
  const everyone = tied.length + 1 === ranked.length && ranked.length > 2;
  const who = everyone ? `All ${ranked.length} ${noun}` : nameList([best, ...tied].map((g) => g.group));
  const equivalent = tied.every((g) => g.vsBest?.tostP !== null && (g.vsBest?.tostP ?? 1) < alpha);
  const m = Number(margin.toFixed(2));
  let text: string;
  if (equivalent) {
    const maxTost = Math.max(...tied.map((g) => g.vsBest?.tostP ?? 1));
    const tp = tied.length === 1 ? pText(maxTost) : `p ≤ ${pNumber(Math.max(maxTost, 0.001))}`;
    text = `${who} are equivalent within ±${m} points${on} (TOST ${tp}, ${seeds([best, ...tied], unit)})`;
  } else {
    const gaps = tied.map((g) => g.vsBest as NonNullable<GroupVerdict["vsBest"]>);
    const lo = Math.min(...gaps.map((v) => v.ciLoPoints ?? Number.NEGATIVE_INFINITY));
    const ci = Number.isFinite(lo) ? `; 95% CI of the gap down to ${lo.toFixed(1)} points` : "";
    text =
      `${who}: the gap${on} is not significant with ${seeds([best, ...tied], unit)} (${p}${ci}), ` +
      `and equivalence within ±${m} points is not shown either; more seeds would decide it`;
  }
  const speed = speedClause([best, ...tied], target);
  if (speed) text += `; ${speed}`;
  if (worse.length > 0) {
    const maxP = Math.max(...worse.map((g) => g.vsBest?.p ?? 0));
    const pw = worse.length === 1 ? pText(maxP) : maxP < 0.001 ? "p < 0.001" : `p ≤ ${pNumber(maxP)}`;
    text += `; ${nameList(worse.map((g) => g.group))} ${worse.length === 1 ? "is" : "are"} significantly worse (${pw})`;
  }
  return text;
}

/**
 * Among groups equally accurate, the one that gets there fastest is the better pick: named when every
 * seed of every one of them reached the target and the slowest needs SPEED_GAP× the epochs of the fastest.
 */
function speedClause(tied: readonly GroupVerdict[], target: number | null): string | null {
  if (target === null || tied.length < 2) return null;
  const timed = tied.filter(
    (g) => g.target.of > 0 && g.target.reached === g.target.of && g.target.epochs !== null,
  );
  if (timed.length < tied.length) return null;
  const byEpochs = [...timed].sort((a, b) => (a.target.epochs as number) - (b.target.epochs as number));
  const fast = (byEpochs[0] as GroupVerdict).target.epochs as number;
  const slowest = byEpochs[byEpochs.length - 1] as GroupVerdict;
  const slow = slowest.target.epochs as number;
  if (slow < SPEED_GAP * fast) return null;
  const pct = `${Number((target * 100).toFixed(1))}%`;
  // Groups level with the fastest share the credit, in rank order.
  const leaders = tied.filter((g) => (g.target.epochs as number) <= fast + 1e-9).map((g) => g.group);
  const verb = leaders.length === 1 ? "reaches" : "reach";
  return `${nameList(leaders)} ${verb} ${pct} fastest (${fast.toFixed(1)} epochs), ${slowest.group} slowest (${slow.toFixed(1)})`;
}

/** "a, b and c"; past four names, "a, b, c and 4 others", so the sentence stays a sentence. */
function nameList(names: readonly string[]): string {
  if (names.length === 1) return names[0] as string;
  if (names.length > 4) return `${names.slice(0, 3).join(", ")} and ${names.length - 3} others`;
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

type Candidate = { severity: number; text: string };

/**
 * One clause, the most severe: a group that always diverges, then gradients off by orders of magnitude or
 * occasional divergence (weighed against each other), then dead units.
 */
export function mostStrikingDiagnostic(groups: readonly GroupVerdict[]): string | null {
  const candidates: Candidate[] = [];
  for (const g of groups) {
    const finished = g.n + g.diverged;
    if (g.diverged > 0)
      candidates.push({
        severity: 2 + g.diverged / finished,
        text: `${g.group} diverged in ${g.diverged} of ${finished} runs`,
      });
    const r = g.gradRatio;
    if (r !== null && r < VANISHING_RATIO)
      candidates.push({
        severity: 2 + orders(r),
        text: `${g.group}'s first-layer gradients are ${times(1 / r)}× smaller than its last layer's`,
      });
    if (r !== null && r > EXPLODING_RATIO)
      candidates.push({
        severity: 2 + orders(r),
        text: `${g.group}'s first-layer gradients are ${times(r)}× larger than its last layer's`,
      });
    if (g.deadPct !== null && g.deadPct > DEAD_PCT)
      candidates.push({
        severity: 1 + g.deadPct / 100,
        text: `${Math.round(g.deadPct)}% of ${g.group}'s hidden units are dead`,
      });
  }
  candidates.sort((a, b) => b.severity - a.severity);
  return candidates[0]?.text ?? null;
}

/** Maps |log10 r| into [0, 1) so a stronger imbalance ranks higher without crossing into another category. */
function orders(r: number): number {
  const o = Math.abs(Math.log10(r));
  return o / (1 + o);
}

function times(x: number): string {
  return Number(x.toPrecision(2)).toLocaleString("en-US");
}

function accText(g: GroupVerdict): string {
  const m = (g.finalAcc.mean ?? 0) * 100;
  return g.finalAcc.std === null
    ? `${m.toFixed(1)}%`
    : `${m.toFixed(1)} ± ${(g.finalAcc.std * 100).toFixed(1)}%`;
}

function seeds(gs: readonly GroupVerdict[], unit: "seed" | "run"): string {
  const ns = gs.map((g) => g.n);
  const lo = Math.min(...ns);
  const hi = Math.max(...ns);
  if (lo === hi) return lo === 1 ? (gs.length > 1 ? `1 ${unit} each` : `1 ${unit}`) : `${lo} ${unit}s`;
  return `${lo}–${hi} ${unit}s`;
}

export function pNumber(p: number): string {
  return String(Number(p.toPrecision(2)));
}

export function pText(p: number): string {
  return p < 0.001 ? "p < 0.001" : `p = ${pNumber(p)}`;
}
