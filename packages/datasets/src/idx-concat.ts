/** Joins two IDX files along their first axis (MNIST's train and test files as one table), header included. */
import { encodeIdx, parseIdx } from "@actlab/core";

export function concatIdx(a: Uint8Array, b: Uint8Array): Uint8Array {
  const first = parseIdx(a);
  const second = parseIdx(b);
  if (first.dims.slice(1).join("×") !== second.dims.slice(1).join("×")) {
    throw new Error(`IDX: cannot join ${first.dims.join("×")} with ${second.dims.join("×")}`);
  }
  const dims = [(first.dims[0] ?? 0) + (second.dims[0] ?? 0), ...first.dims.slice(1)];
  return encodeIdx(dims, first.data, second.data);
}
