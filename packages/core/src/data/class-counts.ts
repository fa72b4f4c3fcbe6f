/** How many rows carry each class index in [0, numClasses): a dataset's class balance. */
export function classCounts(labels: ArrayLike<number>, numClasses: number): number[] {
  const counts = new Array<number>(numClasses).fill(0);
  for (let i = 0; i < labels.length; i++) {
    const k = labels[i] as number;
    counts[k] = (counts[k] ?? 0) + 1;
  }
  return counts;
}
