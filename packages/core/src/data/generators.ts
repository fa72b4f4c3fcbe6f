/**
 * The 2-D toy generators. Each draws one point of a given class; `noise` is the standard deviation of
 * Gaussian jitter in the data's own units (every generator lives roughly in [-1.5, 1.5]²).
 */
import type { Rng } from "../rng";
import type { GeneratedDatasetName } from "./names";

export type Point = [number, number];

type PointSampler = (rng: Rng, cls: number, numClasses: number, noise: number) => Point;

const jitter = (rng: Rng, noise: number, p: Point): Point => [
  p[0] + noise * rng.normal(),
  p[1] + noise * rng.normal(),
];

/** K interleaved arms of 1.5 turns each, radius 0 → 1, arm k rotated by 2πk/K. */
const spirals: PointSampler = (rng, cls, k, noise) => {
  const t = rng.next();
  const angle = (2 * Math.PI * cls) / k + 3 * Math.PI * t;
  return jitter(rng, noise, [t * Math.cos(angle), t * Math.sin(angle)]);
};

/** scikit-learn's two moons: an upper unit half-circle and a lower one shifted to (1, 0.5). */
const moons: PointSampler = (rng, cls, _k, noise) => {
  const theta = Math.PI * rng.next();
  const p: Point =
    cls === 0 ? [Math.cos(theta), Math.sin(theta)] : [1 - Math.cos(theta), 0.5 - Math.sin(theta)];
  return jitter(rng, noise, p);
};

/** Class 0 on the unit circle, class 1 on the circle of radius 0.5 (scikit-learn's factor). */
const circles: PointSampler = (rng, cls, _k, noise) => {
  const theta = 2 * Math.PI * rng.next();
  const r = cls === 0 ? 1 : 0.5;
  return jitter(rng, noise, [r * Math.cos(theta), r * Math.sin(theta)]);
};

/** Uniform in [-1, 1]²: class 0 where x1·x2 > 0, class 1 in the other two quadrants. */
const xor: PointSampler = (rng, cls, _k, noise) => {
  const x = rng.next() * (rng.next() < 0.5 ? -1 : 1);
  const sameSign = rng.next() * Math.sign(x);
  return jitter(rng, noise, [x, cls === 0 ? sameSign : -sameSign]);
};

/** K isotropic blobs with centres on the unit circle; spread 0.15 + noise so noise 0 still has width. */
const gaussians: PointSampler = (rng, cls, k, noise) => {
  const angle = (2 * Math.PI * cls) / k;
  const spread = 0.15 + noise;
  return [Math.cos(angle) + spread * rng.normal(), Math.sin(angle) + spread * rng.normal()];
};

/** A 4×4 board of 0.5-wide cells over [-1, 1]²: class = parity of (column + row). */
const checkerboard: PointSampler = (rng, cls, _k, noise) => {
  const col = rng.int(4);
  const row = 2 * rng.int(2) + ((col + cls) % 2); // a row whose parity with col gives this class
  return jitter(rng, noise, [-1 + 0.5 * (col + rng.next()), -1 + 0.5 * (row + rng.next())]);
};

export const POINT_SAMPLERS: Record<GeneratedDatasetName, PointSampler> = {
  spirals,
  moons,
  circles,
  xor,
  gaussians,
  checkerboard,
};

/** Generators that honour the `classes` setting; the others are two-class by construction. */
export const MULTICLASS_GENERATORS: ReadonlySet<GeneratedDatasetName> = new Set(["spirals", "gaussians"]);
