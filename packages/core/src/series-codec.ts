/**
 * Compact transport for chart series: float32 values and int32 steps as base64 strings. A JSON array of
 * 100 runs × 1,000 points costs ~2 MB and a slow walk through the transformer; this costs ~0.5 MB and
 * decodes with one copy. Null (a NaN or ±Infinity value) travels as NaN. Browser- and Node-safe.
 */

function toBase64(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(b64: string): Uint8Array {
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
