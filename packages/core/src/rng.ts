/** Seeded PRNG (sfc32) with a serialisable state, so every random draw in a run is reproducible and resumable. */

export type Rng = {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Standard normal (Box–Muller, no cached spare so the state stays four words). */
  normal(): number;
  /** In-place Fisher–Yates shuffle. */
  shuffle(a: Int32Array | number[]): void;
  /** The four 32-bit words of state: copy them into a checkpoint, restore with setState. */
  getState(): Uint32Array;
  setState(s: Uint32Array): void;
};

export function createRng(seed: number): Rng {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const u32 = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return t >>> 0;
  };
  // Warm up so nearby seeds give unrelated streams.
  for (let i = 0; i < 16; i++) u32();

  const next = (): number => u32() / 4294967296;
  return {
    next,
    int: (n) => Math.floor(next() * n),
    normal: () => {
      const u1 = 1 - next(); // (0, 1]: log never sees 0
      const u2 = next();
      return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    },
    shuffle: (arr) => {
      for (let i = arr.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        const t = arr[i] as number;
        arr[i] = arr[j] as number;
        arr[j] = t;
      }
    },
    getState: () => Uint32Array.of(a >>> 0, b >>> 0, c >>> 0, d >>> 0),
    setState: (s) => {
      a = s[0] ?? 0;
      b = s[1] ?? 0;
      c = s[2] ?? 0;
      d = s[3] ?? 0;
    },
  };
}
