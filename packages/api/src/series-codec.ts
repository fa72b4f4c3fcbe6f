/**
 * Compact transport for chart series: float32 values and int32 steps as base64 strings. A JSON array of
 * 100 runs × 1,000 points costs ~2 MB and a slow walk through the transformer; this costs ~0.5 MB and
 * decodes with one copy. Null (a NaN or ±Infinity value) travels as NaN. Browser- and Node-safe: the
 * compare procedures encode, the browser decodes through the `@actlab/api/series-codec` sub-path.
 */

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const ENCODE = Uint8Array.from(ALPHABET, (c) => c.charCodeAt(0));
const PAD = 61; // "="
const ascii = new TextDecoder("latin1");

// Table-driven rather than btoa over a binary string, which is ~10× slower in Node, where the server
// encodes every chart's series. Decoding stays on atob: it is fast in both.
export function toBase64(bytes: Uint8Array): string {
  const n = bytes.length;
  const out = new Uint8Array(Math.ceil(n / 3) * 4);
  let o = 0;
  let i = 0;
  for (; i + 2 < n; i += 3) {
    const v = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
    out[o++] = ENCODE[v >>> 18] as number;
    out[o++] = ENCODE[(v >>> 12) & 63] as number;
    out[o++] = ENCODE[(v >>> 6) & 63] as number;
    out[o++] = ENCODE[v & 63] as number;
  }
  if (i < n) {
    const v = ((bytes[i] as number) << 16) | (i + 1 < n ? (bytes[i + 1] as number) << 8 : 0);
    out[o++] = ENCODE[v >>> 18] as number;
    out[o++] = ENCODE[(v >>> 12) & 63] as number;
    out[o++] = i + 1 < n ? (ENCODE[(v >>> 6) & 63] as number) : PAD;
    out[o++] = PAD;
  }
  return ascii.decode(out);
}

export function fromBase64(b64: string): Uint8Array {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

export function encodeFloat32(values: readonly (number | null)[]): string {
  return toBase64(new Uint8Array(Float32Array.from(values, (v) => (v === null ? Number.NaN : v)).buffer));
}

export function decodeFloat32(b64: string): (number | null)[] {
  const bytes = fromBase64(b64);
  return Array.from(new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4), (v) =>
    Number.isFinite(v) ? v : null,
  );
}

export function encodeInt32(values: readonly number[]): string {
  return toBase64(new Uint8Array(Int32Array.from(values).buffer));
}

export function decodeInt32(b64: string): number[] {
  const bytes = fromBase64(b64);
  return Array.from(new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4));
}
