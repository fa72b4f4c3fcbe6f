/**
 * ui.boundary_grid_ms: the run page's decision boundary, a 120×120 grid predicted in the browser's core
 * from saved weights (a 16-16 GELU net on moons), best of 20; baseline = the same cells predicted one
 * point at a time, as a naive per-pixel loop would.
 */
import { dataBounds, gridPoints, predictGrid } from "../src/components/run-insights/boundary-grid";
import { trainTinyModel } from "../src/components/run-insights/tiny-model";
import { emit } from "./report";

const SIZE = 120;

export function measureBoundaryGrid() {
  const { model, data } = trainTinyModel();
  const bounds = dataBounds(data.features, data.rows);
  predictGrid(model, bounds, SIZE); // warm-up: the first call compiles the kernels
  const batched = Math.min(...Array.from({ length: 20 }, () => predictGrid(model, bounds, SIZE).ms));
  const pts = gridPoints(bounds, SIZE);
  const perPoint = Math.min(
    ...Array.from({ length: 3 }, () => {
      const t = performance.now();
      for (let c = 0; c < SIZE * SIZE; c++) model.predict(pts.subarray(2 * c, 2 * c + 2), 1);
      return performance.now() - t;
    }),
  );
  emit({
    name: "ui.boundary_grid_ms",
    value: Number(batched.toFixed(2)),
    unit: "ms",
    cells: SIZE * SIZE,
    net: "2-16-16-2 gelu",
    baseline: Number(perPoint.toFixed(2)),
    baseline_what: "the same cells predicted one point at a time, best of 3",
    ratio: Number((perPoint / batched).toFixed(1)),
  });
}
