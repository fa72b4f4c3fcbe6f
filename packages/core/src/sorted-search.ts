/** Binary search over ascending steps, shared by the server's downsampling and the browser's live merge. */

/** The first index whose value is ≥ x (the length when none is). */
export function lowerBound(a: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((a[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
