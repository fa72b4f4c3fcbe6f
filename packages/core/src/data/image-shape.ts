/**
 * The picture a dataset's rows are, read from its column names: the IDX reader names pixels px_<row>_<col>,
 * the digits table pixel_<row>_<col>. Null for any other table (and for names that do not fill the grid).
 */
export type ImageShape = { width: number; height: number };

const PIXEL = /^(?:px|pixel)_(\d+)_(\d+)$/;

export function imageShape(featureNames: readonly string[]): ImageShape | null {
  const first = PIXEL.exec(featureNames[0] ?? "");
  const last = PIXEL.exec(featureNames.at(-1) ?? "");
  if (!first || !last || first[1] !== "0" || first[2] !== "0") return null;
  const shape = { height: Number(last[1]) + 1, width: Number(last[2]) + 1 };
  return shape.width * shape.height === featureNames.length ? shape : null;
}
