/** The GEMM shapes a dense MLP's training step issues: forward NT, weight-gradient TN, input-gradient NN. */

export type GemmShape = { op: "nt" | "tn" | "nn"; m: number; n: number; k: number };

/** Layers are [in, out]; weights are stored out×in, activations batch×features (row-major). */
export function mlpGemmShapes(layerSizes: number[], batch: number): GemmShape[] {
  const shapes: GemmShape[] = [];
  for (let l = 0; l + 1 < layerSizes.length; l++) {
    const fanIn = layerSizes[l] as number;
    const fanOut = layerSizes[l + 1] as number;
    shapes.push({ op: "nt", m: batch, n: fanOut, k: fanIn }); // Y = X · Wᵀ
    shapes.push({ op: "tn", m: fanOut, n: fanIn, k: batch }); // dW = dYᵀ · X
    // dX = dY · W; the first layer's input gradient is never needed.
    if (l > 0) shapes.push({ op: "nn", m: batch, n: fanIn, k: fanOut });
  }
  return shapes;
}
