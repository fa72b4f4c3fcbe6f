/** The replay command's inputs (weights, batches, flags), validated with zod and checked for consistent shapes. */
import { z } from "zod";
import { type HiddenActivationName, REPLAY_ACTIVATIONS } from "../../src/activations/names";

export { REPLAY_ACTIVATIONS };
/** One of REPLAY_ACTIVATIONS (the records marked replay), checked by the zod schemas below. */
export type ReplayActivation = HiddenActivationName;

const ZMatrix = z.array(z.array(z.number()).min(1)).min(1);

export const ZReplayWeights = z.object({
  act: z.enum(REPLAY_ACTIVATIONS).optional(),
  layers: z
    .array(
      z.object({
        W: ZMatrix,
        b: z.array(z.number()),
        alpha: z.union([z.number(), z.array(z.number()).min(1)]).optional(),
      }),
    )
    .min(1),
});
export type ReplayWeights = z.infer<typeof ZReplayWeights>;

export const ZReplayData = z.object({
  batches: z.array(z.object({ x: ZMatrix, y: z.array(z.int().min(0)).min(1) })).min(1),
});
export type ReplayData = z.infer<typeof ZReplayData>;

export const ZReplayFlags = z.object({
  weights: z.string().min(1),
  data: z.string().min(1),
  out: z.string().min(1),
  steps: z.coerce.number().int().min(0),
  lr: z.coerce.number().gt(0),
  optimizer: z.enum(["sgd", "adam"]),
  act: z.enum(REPLAY_ACTIVATIONS),
});
export type ReplayFlags = z.infer<typeof ZReplayFlags>;

/** Shape errors zod cannot see: ragged matrices, layers that do not chain, labels beyond the outputs. */
export function checkShapes(w: ReplayWeights, d: ReplayData, act: ReplayActivation): string | null {
  if (w.act !== undefined && w.act !== act)
    return `--act ${act} disagrees with the weights file's act "${w.act}"`;
  let inputs = w.layers[0]?.W[0]?.length ?? 0;
  const last = w.layers.length - 1;
  const alphaKinds = new Set<string>();
  for (const [l, layer] of w.layers.entries()) {
    if (layer.W.some((row) => row.length !== inputs)) {
      return `layers[${l}].W must be [out][in] with ${inputs} columns in every row`;
    }
    const units = layer.W.length;
    if (layer.b.length !== units) return `layers[${l}].b has ${layer.b.length} entries, W has ${units} rows`;
    if (layer.alpha !== undefined) {
      if (act !== "prelu") return `layers[${l}].alpha is only allowed with act prelu`;
      if (l === last) return `layers[${l}] is the output layer (logits): it takes no alpha`;
      if (Array.isArray(layer.alpha) && layer.alpha.length !== units) {
        return `layers[${l}].alpha has ${layer.alpha.length} entries for ${units} units`;
      }
      alphaKinds.add(Array.isArray(layer.alpha) ? "list" : "number");
    }
    inputs = units;
  }
  if (alphaKinds.size > 1) return "alpha must be a number on every layer or a list on every layer, not both";
  const features = w.layers[0]?.W[0]?.length ?? 0;
  const classes = w.layers[last]?.W.length ?? 0;
  for (const [k, batch] of d.batches.entries()) {
    if (batch.x.length !== batch.y.length)
      return `batches[${k}] has ${batch.x.length} rows of x, ${batch.y.length} labels`;
    if (batch.x.some((row) => row.length !== features))
      return `batches[${k}].x rows must have ${features} features`;
    if (batch.y.some((y) => y >= classes))
      return `batches[${k}].y has a label ≥ ${classes} (the output size)`;
  }
  return null;
}
