import { nativeGemmBackend as b } from "@actlab/native-kernels";
if (!b) throw new Error("no addon");
const [m, n, k] = [256, 512, 784];
const A = Float32Array.from({ length: m * k }, (_, i) => Math.sin(i));
const B = Float32Array.from({ length: n * k }, (_, i) => Math.cos(i));
const C = new Float32Array(m * n);
// Whole product vs the same product as `bands` column bands (each packs all of A again), single thread.
for (let rep = 0; rep < 3; rep++) for (const bands of [1, 2, 4, 8]) {
  const w = n / bands;
  const Bs = Array.from({ length: bands }, (_, i) => B.slice(i * w * k, (i + 1) * w * k));
  const Cs = Array.from({ length: bands }, () => new Float32Array(m * w));
  let best = Infinity;
  for (let r = 0; r < 30; r++) {
    const s = performance.now();
    for (let i = 0; i < bands; i++) b.sgemm(false, true, m, w, k, A, 0, Bs[i] as Float32Array, 0, Cs[i] as Float32Array, 0, 0);
    best = Math.min(best, performance.now() - s);
  }
  console.log(`bands ${bands}: best ${(best * 1000).toFixed(0)} us`);
}
