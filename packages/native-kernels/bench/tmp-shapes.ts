import { nativeGemmBackend as b } from "@actlab/native-kernels";
const shapes: [boolean, boolean, number, number, number][] = [
  [false, true, 256, 512, 784], [false, true, 256, 512, 512], [false, true, 256, 10, 512],
  [true, false, 512, 784, 256], [true, false, 512, 512, 256], [true, false, 10, 512, 256],
  [false, false, 256, 512, 512], [false, false, 256, 512, 10],
];
for (const [ta, tb, m, n, k] of shapes) {
  const A = Float32Array.from({ length: m * k }, (_, i) => Math.sin(i));
  const B = Float32Array.from({ length: n * k }, (_, i) => Math.cos(i));
  const C = new Float32Array(m * n);
  const out: string[] = [];
  for (const t of [1, 2, 1, 2]) {
    b!.setThreads(t);
    let calls = 0; const s = performance.now();
    while (performance.now() - s < 200) { b!.sgemm(ta, tb, m, n, k, A, 0, B, 0, C, 0, 1); calls++; }
    out.push(`${t}:${(((performance.now() - s) / calls) * 1000).toFixed(0)}us`);
  }
  console.log(ta, tb, m, n, k, out.join(" "));
}
