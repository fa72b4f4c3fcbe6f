/** Loss and accuracy of a network over a whole dataset, in chunks that fit its preallocated buffers. */
import type { Dataset } from "../data/types";
import { countCorrect, type LossKind, lossForward } from "../nn/losses";
import type { Network } from "../nn/network";

export type Evaluation = { loss: number; acc: number };

export function evaluate(net: Network, loss: LossKind, ds: Dataset): Evaluation {
  const units = net.sizes[net.sizes.length - 1] as number;
  const d = ds.numFeatures;
  let lossSum = 0;
  let correct = 0;
  for (let start = 0; start < ds.rows; start += net.maxRows) {
    const rows = Math.min(net.maxRows, ds.rows - start);
    const out = net.forward(ds.features.subarray(start * d, (start + rows) * d), rows);
    lossSum += lossForward(loss, out, ds.labels, start, rows, units, null) * rows;
    correct += countCorrect(out, ds.labels, start, rows, units);
  }
  return { loss: lossSum / ds.rows, acc: correct / ds.rows };
}
