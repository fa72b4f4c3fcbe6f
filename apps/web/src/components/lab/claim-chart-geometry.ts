/** Scales and ticks for the lab's small charts: linear or log10 axes over the data's own range. */

export type Scale = { toPx: (value: number) => number; ticks: number[]; format: (value: number) => string };

/** A linear or log10 scale from [lo, hi] onto [from, to] pixels, with about five readable ticks. */
export function makeScale(lo: number, hi: number, from: number, to: number, log: boolean): Scale {
  if (log) {
    const a = Math.floor(Math.log10(Math.max(lo, Number.MIN_VALUE)));
    const b = Math.max(a + 1, Math.ceil(Math.log10(Math.max(hi, Number.MIN_VALUE))));
    const step = Math.max(1, Math.ceil((b - a) / 5));
    const ticks: number[] = [];
    for (let e = a; e <= b; e += step) ticks.push(10 ** e);
    return {
      toPx: (v) => from + ((Math.log10(Math.max(v, 10 ** a)) - a) / (b - a)) * (to - from),
      ticks,
      format: (v) => `1e${Math.round(Math.log10(v))}`,
    };
  }
  const span = hi - lo || Math.abs(hi) || 1;
  const raw = span / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((m) => m * magnitude >= raw) ?? 10) * magnitude;
  const start = Math.floor(lo / step) * step;
  const end = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  for (let t = start; t <= end + step / 2; t += step) ticks.push(Number(t.toPrecision(12)));
  const [min, max] = [start, end === start ? start + step : end];
  const digits = Math.max(0, -Math.floor(Math.log10(step)));
  return {
    toPx: (v) => from + ((v - min) / (max - min)) * (to - from),
    ticks,
    format: (v) => v.toFixed(digits),
  };
}

/** The finite extent of a list of values, widened by their bands; null when there is nothing to draw. */
export function extent(values: readonly number[]): [number, number] | null {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return null;
  return [Math.min(...finite), Math.max(...finite)];
}
