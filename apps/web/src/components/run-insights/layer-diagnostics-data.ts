/**
 * Per-layer diagnostics out of a run's live SeriesMap: which layers and learned parameters it has, each
 * measure as epoch-aligned lines, and the one-line readings computed from the latest numbers.
 */
import { METRIC, parseDiagKey } from "@actlab/core";
import { alignSeries, type Series, type SeriesMap } from "@/lib/series";

/** Layers with diagnostics, in network order: l1, l2, …, out. */
export function diagLayers(series: SeriesMap): string[] {
  const layers = new Set<string>();
  for (const key of Object.keys(series)) {
    const layer = parseDiagKey(key)?.layer;
    if (layer) layers.add(layer);
  }
  const order = (l: string) => (l === "out" ? Number.POSITIVE_INFINITY : Number(l.slice(1)));
  return [...layers].sort((a, b) => order(a) - order(b));
}

const LEARNED_PARAM = /^(alpha|beta|mix\/.+)$/;

/** Learned parameter names per layer ("alpha", "beta", "mix/relu"…), from the keys present. */
export function learnedKeys(series: SeriesMap): Array<{ layer: string; param: string; key: string }> {
  const out: Array<{ layer: string; param: string; key: string }> = [];
  for (const key of Object.keys(series).sort()) {
    const d = parseDiagKey(key);
    if (d && d.hidden !== null && LEARNED_PARAM.test(d.stat))
      out.push({ layer: d.layer, param: d.stat, key });
  }
  return out;
}

export type EpochLines = { x: number[]; lines: Array<{ name: string; values: (number | null)[] }> };

/**
 * The given keys aligned on their steps, x mapped to epochs through the `epoch` series (diagnostics are
 * recorded at the step where an epoch ended); a step with no epoch point keeps its step number.
 */
export function epochLines(
  series: SeriesMap,
  keys: Array<{ name: string; key: string }>,
  scale = 1,
): EpochLines {
  const [steps, ...ys] = alignSeries(keys.map((k) => series[k.key] ?? { steps: [], values: [] }));
  const epochs = epochOfStep(series[METRIC.epoch]);
  return {
    x: steps.map((s) => epochs.get(s) ?? s),
    lines: keys.map((k, i) => ({
      name: k.name,
      values: (ys[i] ?? []).map((v) => (v === null ? null : v * scale)),
    })),
  };
}

function epochOfStep(epoch: Series | undefined): Map<number, number> {
  const map = new Map<number, number>();
  epoch?.steps.forEach((s, i) => {
    const e = epoch.values[i];
    if (e !== null && e !== undefined) map.set(s, e);
  });
  return map;
}

/** The newest non-null value of a series. */
export function latest(series: Series | undefined): number | null {
  if (!series) return null;
  for (let i = series.values.length - 1; i >= 0; i--) {
    const v = series.values[i];
    if (v !== null && v !== undefined && Number.isFinite(v)) return v;
  }
  return null;
}

export const layerName = (layer: string): string =>
  layer === "out" ? "the output layer" : `layer ${layer.slice(1)}`;
const possessive = (layer: string): string =>
  layer === "out" ? "the output layer's" : `layer ${layer.slice(1)}'s`;
const pct = (f: number): string => `${Math.round(f * 100)}%`;
const times = (r: number): string =>
  r >= 10 ? `${Math.round(r).toLocaleString("en")}×` : `${r.toFixed(1)}×`;
const num = (v: number): string =>
  Math.abs(v) >= 1e-2 && Math.abs(v) < 1e3 ? v.toPrecision(3) : v.toExponential(1);

/** Vanishing below, exploding above: a tenfold gap between the first and last layer is where it starts to bite. */
export const GRAD_RATIO_WARN = 10;
/** A tenth of a layer's units dead or saturated is worth a sentence. */
export const UNIT_SHARE_WARN = 0.1;

/** diag/grad_ratio = ‖∇ first layer‖ / ‖∇ output layer‖. */
export function readGradRatio(ratio: number | null): string {
  if (ratio === null) return "No gradient ratio recorded yet.";
  if (ratio === 0) return "Layer 1 receives no gradient at all: nothing below the output layer learns.";
  if (ratio <= 1 / GRAD_RATIO_WARN) {
    return `Layer 1 gradients are ${times(1 / ratio)} smaller than the output layer's: vanishing gradients.`;
  }
  if (ratio >= GRAD_RATIO_WARN) {
    return `Layer 1 gradients are ${times(ratio)} larger than the output layer's: exploding gradients.`;
  }
  return `Layer 1 gets ${ratio.toFixed(2)}× the output layer's gradient: it flows through the whole stack.`;
}

/** Latest gradient norm per layer: which layer learns least, and any that get nothing. */
export function readGradNorms(byLayer: Array<{ layer: string; value: number | null }>): string {
  const known = byLayer.filter((l): l is { layer: string; value: number } => l.value !== null);
  if (known.length === 0) return "No gradient norms recorded yet.";
  const silent = known.filter((l) => l.value === 0);
  if (silent.length > 0) {
    const names = silent.map((l) => layerName(l.layer));
    const list =
      names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
    const text = `${list} ${names.length === 1 ? "gets" : "get"} no gradient at all: nothing there learns.`;
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
  }
  const min = known.reduce((a, b) => (b.value < a.value ? b : a));
  const max = known.reduce((a, b) => (b.value > a.value ? b : a));
  if (min === max) return `Gradient norm ${num(min.value)} in ${layerName(min.layer)}.`;
  return `Smallest gradients in ${layerName(min.layer)} (${num(min.value)}), largest in ${layerName(max.layer)} (${num(max.value)}): a ${times(max.value / min.value)} spread.`;
}

/** Latest dead (f′ = 0 on every probe sample) or saturated share per hidden layer. */
export function readUnitShare(
  kind: "dead" | "saturated",
  byLayer: Array<{ layer: string; value: number | null }>,
): string {
  const known = byLayer.filter((l): l is { layer: string; value: number } => l.value !== null);
  if (known.length === 0) return `No ${kind}-unit counts recorded yet.`;
  const worst = known.reduce((a, b) => (b.value > a.value ? b : a));
  const why =
    kind === "dead" ? "dead (no gradient reaches them)" : "saturated (|f′| < 0.001, barely learning)";
  if (worst.value >= UNIT_SHARE_WARN)
    return `${pct(worst.value)} of ${possessive(worst.layer)} units are ${why}.`;
  if (worst.value > 0)
    return `A few ${kind} units: at most ${pct(worst.value)} in ${layerName(worst.layer)}.`;
  return `No ${kind} units in any layer.`;
}

/** Learned activation parameters: how far α/β moved, and which base each layer's mix leans on. */
export function readLearned(series: SeriesMap): string {
  const keys = learnedKeys(series);
  if (keys.length === 0) return "";
  const parts: string[] = [];
  const mixLayers = [...new Set(keys.filter((k) => k.param.startsWith("mix/")).map((k) => k.layer))];
  for (const layer of mixLayers) {
    const weights = keys
      .filter((k) => k.layer === layer && k.param.startsWith("mix/"))
      .map((k) => ({ base: k.param.slice(4), w: latest(series[k.key]) ?? 0 }))
      .sort((a, b) => Math.abs(b.w) - Math.abs(a.w));
    const [top, next] = weights;
    if (top)
      parts.push(
        `${layerName(layer)} leans on ${top.base} (${top.w.toFixed(2)}${next ? ` vs ${next.base} ${next.w.toFixed(2)}` : ""})`,
      );
  }
  for (const k of keys.filter((k) => !k.param.startsWith("mix/"))) {
    const s = series[k.key];
    const first = s?.values.find((v): v is number => v !== null);
    const last = latest(s);
    if (first === undefined || last === null) continue;
    const symbol = k.param === "alpha" ? "α" : "β";
    parts.push(`${layerName(k.layer)} ${symbol} ${first.toFixed(3)} → ${last.toFixed(3)}`);
  }
  const text = parts.join("; ");
  return text ? `${text.charAt(0).toUpperCase()}${text.slice(1)}.` : "";
}
