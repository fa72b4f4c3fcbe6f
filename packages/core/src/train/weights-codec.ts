/**
 * Saved weights as bytes: magic, a small JSON header (activation, classes, loss, layer shapes) and the
 * numbers as little-endian Float32, the precision they were trained in, so a round trip is bit-exact and a
 * 12×512 net takes 4 bytes a weight instead of ~20 characters of JSON.
 */
import { z } from "zod";
import { HIDDEN_ACTIVATIONS } from "../activations/names";
import { LOSSES, ZActivationOptions } from "../config";
import type { SavedModel } from "./model";

export const WEIGHTS_FORMAT_VERSION = 1;
const MAGIC = "ACTLWGTS";
const PREFIX = MAGIC.length + 4;

const ZHeader = z.object({
  version: z.literal(WEIGHTS_FORMAT_VERSION),
  activation: ZActivationOptions.extend({ name: z.enum(HIDDEN_ACTIVATIONS) }),
  numClasses: z.int().min(1),
  loss: z.enum(LOSSES).optional(),
  /** Whether mean and std (one value per input each) precede the layers. */
  standardized: z.boolean(),
  layers: z.array(z.object({ inputs: z.int().min(1), units: z.int().min(1), params: z.int().min(0) })).min(1),
});

const align4 = (n: number) => Math.ceil(n / 4) * 4;

export function encodeModelWeights(w: SavedModel): Uint8Array {
  const header = new TextEncoder().encode(
    JSON.stringify({
      version: WEIGHTS_FORMAT_VERSION,
      activation: w.activation,
      numClasses: w.numClasses,
      ...(w.loss ? { loss: w.loss } : {}),
      standardized: w.standardizer !== null,
      layers: w.layers.map((l) => ({ inputs: l.inputs, units: l.units, params: l.activationParams.length })),
    }),
  );
  const arrays: number[][] = w.standardizer ? [w.standardizer.mean, w.standardizer.std] : [];
  for (const l of w.layers) arrays.push(l.W, l.b, l.activationParams);
  const start = align4(PREFIX + header.length);
  const count = arrays.reduce((n, a) => n + a.length, 0);
  const bytes = new Uint8Array(start + 4 * count);
  bytes.set(new TextEncoder().encode(MAGIC), 0);
  const view = new DataView(bytes.buffer);
  view.setUint32(MAGIC.length, header.length, true);
  bytes.set(header, PREFIX);
  let offset = start;
  for (const a of arrays) {
    for (const v of a) {
      view.setFloat32(offset, v, true);
      offset += 4;
    }
  }
  return bytes;
}

export function decodeModelWeights(bytes: Uint8Array): SavedModel {
  if (bytes.length < PREFIX || new TextDecoder().decode(bytes.subarray(0, MAGIC.length)) !== MAGIC) {
    throw new Error("not a weights blob (bad magic)");
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(MAGIC.length, true);
  const h = ZHeader.parse(
    JSON.parse(new TextDecoder().decode(bytes.subarray(PREFIX, PREFIX + headerLength))),
  );
  let offset = align4(PREFIX + headerLength);
  const take = (n: number): number[] => {
    if (offset + 4 * n > bytes.length) throw new Error("weights blob is truncated");
    const out = new Array<number>(n);
    for (let i = 0; i < n; i++) out[i] = view.getFloat32(offset + 4 * i, true);
    offset += 4 * n;
    return out;
  };
  const inputs = (h.layers[0] as { inputs: number }).inputs;
  const standardizer = h.standardized ? { mean: take(inputs), std: take(inputs) } : null;
  const layers = h.layers.map((l) => ({
    inputs: l.inputs,
    units: l.units,
    W: take(l.inputs * l.units),
    b: take(l.units),
    activationParams: take(l.params),
  }));
  if (offset !== bytes.length) throw new Error("weights blob has trailing bytes");
  return {
    activation: h.activation,
    numClasses: h.numClasses,
    ...(h.loss ? { loss: h.loss } : {}),
    standardizer,
    layers,
  };
}
