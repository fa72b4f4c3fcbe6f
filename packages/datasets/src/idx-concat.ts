/** Joins two IDX files along their first axis (MNIST's train and test files as one table), header included. */
import { parseIdx } from "@actlab/core";

export function concatIdx(a: Uint8Array, b: Uint8Array): Uint8Array {
  const first = parseIdx(a);
  const second = parseIdx(b);
  if (first.dims.slice(1).join("×") !== second.dims.slice(1).join("×")) {
    throw new Error(`IDX: cannot join ${first.dims.join("×")} with ${second.dims.join("×")}`);
  }
  const dims = [(first.dims[0] ?? 0) + (second.dims[0] ?? 0), ...first.dims.slice(1)];
  const headerBytes = 4 + 4 * dims.length;
  const out = new Uint8Array(headerBytes + first.data.length + second.data.length);
  out.set(a.subarray(0, 4)); // magic: type and rank are the same for both
  const view = new DataView(out.buffer);
  for (const [i, d] of dims.entries()) view.setUint32(4 + 4 * i, d, false);
  out.set(first.data, headerBytes);
  out.set(second.data, headerBytes + first.data.length);
  return out;
}
