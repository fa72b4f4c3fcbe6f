/**
 * Compact transport for chart series: float32 values and int32 steps as base64 strings. A JSON array of
 * 100 runs × 1,000 points costs ~2 MB and a slow walk through the transformer; this costs ~0.5 MB and
 * decodes with one copy. Null (a NaN or ±Infinity value) travels as NaN. The compare procedures encode
 * (in Node), the browser decodes through the `@actlab/api/series-codec` sub-path.
 */

// Only the server encodes (Node's native Buffer encoder: a 600-series comparison is ~5 MB of bytes, which
// the table-driven JS encoder took ~10 ms for); the browser only decodes, with atob.
export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64");
}

export function fromBase64(b64: string): Uint8Array {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

// A typed array (a kept downsample, NaN for null) converts natively; an array takes a plain loop for its
// nulls: Float32Array.from with a mapper was the largest cost of a 600-series comparison.
export function encodeFloat32(values: ArrayLike<number | null>): string {
  if (values instanceof Float64Array || values instanceof Float32Array)
    return toBase64(new Uint8Array(new Float32Array(values).buffer));
  const xs = new Float32Array(values.length);
  for (let i = 0; i < values.length; i++) xs[i] = values[i] ?? Number.NaN;
  return toBase64(new Uint8Array(xs.buffer));
}

export function decodeFloat32(b64: string): (number | null)[] {
  const bytes = fromBase64(b64);
  return Array.from(new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4), (v) =>
    Number.isFinite(v) ? v : null,
  );
}

export function encodeInt32(values: ArrayLike<number>): string {
  if (values instanceof Int32Array)
    return toBase64(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
  const xs = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) xs[i] = values[i] as number;
  return toBase64(new Uint8Array(xs.buffer));
}

export function decodeInt32(b64: string): number[] {
  const bytes = fromBase64(b64);
  return Array.from(new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4));
}
