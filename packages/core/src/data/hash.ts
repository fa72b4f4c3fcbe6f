/**
 * Content hash of a dataset: FNV-1a 64 over a shape header, the features' bytes and the labels' bytes.
 * Not cryptographic; it detects changed data, which is all a run record needs. Pure JS, browser-safe.
 */

/** FNV-1a 64 state as four 16-bit limbs, low first: products stay small integers, no 64-bit math needed. */
type FnvState = [number, number, number, number];

const offsetBasis = (): FnvState => [0x2325, 0x8422, 0x9ce4, 0xcbf2]; // 0xcbf29ce484222325

/** One FNV-1a 64 pass over `bytes`: xor a byte into the low limb, multiply by the prime 2^40 + 0x1b3. */
function fnv1a64Update(state: FnvState, bytes: Uint8Array): void {
  let [v0, v1, v2, v3] = state;
  for (let i = 0; i < bytes.length; i++) {
    v0 ^= bytes[i] as number;
    const t0 = v0 * 0x1b3;
    let t1 = v1 * 0x1b3;
    let t2 = v2 * 0x1b3 + (v0 << 8); // 2^40 = limb 2, shifted by 8 bits
    const t3 = v3 * 0x1b3 + (v1 << 8);
    t1 += t0 >>> 16;
    v0 = t0 & 0xffff;
    t2 += t1 >>> 16;
    v1 = t1 & 0xffff;
    v3 = (t3 + (t2 >>> 16)) & 0xffff;
    v2 = t2 & 0xffff;
  }
  state[0] = v0;
  state[1] = v1;
  state[2] = v2;
  state[3] = v3;
}

const toHex = (s: FnvState): string =>
  [s[3], s[2], s[1], s[0]].map((v) => v.toString(16).padStart(4, "0")).join("");

/** FNV-1a 64 of a byte string, as 16 hex digits. */
export function fnv1a64(bytes: Uint8Array): string {
  const state = offsetBasis();
  fnv1a64Update(state, bytes);
  return toHex(state);
}

const asBytes = (a: Float32Array | Int32Array): Uint8Array =>
  new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/**
 * Hash of shape (rows, numFeatures, numClasses as little-endian u32) + features + labels.
 * Typed arrays are hashed in platform byte order, which is little-endian on every platform we run on.
 */
export function datasetHash(
  shape: { rows: number; numFeatures: number; numClasses: number },
  features: Float32Array,
  labels: Int32Array,
): string {
  const header = new Uint8Array(12);
  const view = new DataView(header.buffer);
  view.setUint32(0, shape.rows, true);
  view.setUint32(4, shape.numFeatures, true);
  view.setUint32(8, shape.numClasses, true);
  const state = offsetBasis();
  fnv1a64Update(state, header);
  fnv1a64Update(state, asBytes(features));
  fnv1a64Update(state, asBytes(labels));
  return toHex(state);
}
