/**
 * A run's time to go, from whole epoch cycles (training steps plus the writes at each epoch's end). An
 * attempt's first moments also pay start-up (compiling hot code, the first queries, and on a small machine
 * the run page that opens beside it), several times a short epoch's own cost: the pace is read only from epochs that end after the warm-up, over a span long enough
 * to be steady and a recent window, so the ETA also follows a run that speeds up or slows down. A first
 * epoch long enough to drown the start-up gives its ETA at once.
 */
export const WARM_UP_MS = 1_500;
export const MIN_SPAN_MS = 1_000;
export const ETA_WINDOW_MS = 10_000;
export const WARM_FIRST_EPOCH_MS = 2_000;

type Mark = { step: number; t: number };

const secondsLeft = (from: Mark, to: Mark, totalSteps: number): number | null => {
  const ms = to.t - from.t;
  const steps = to.step - from.step;
  return ms > 0 && steps > 0 ? Math.max(0, totalSteps - to.step) / (steps / ms) / 1000 : null;
};

export function createEtaEstimator(start: Mark, totalSteps: number) {
  /** Epoch ends after the warm-up, oldest first; the oldest is the newest one that is out of the window. */
  const marks: Mark[] = [];
  let epochs = 0;
  return {
    /** Seconds to go once the epoch ending at `step` (at time `t`, ms) is done; null while not yet known. */
    epochEnded(step: number, t: number): number | null {
      const now = { step, t };
      epochs++;
      if (epochs === 1 && t - start.t >= WARM_FIRST_EPOCH_MS) {
        marks.push(now);
        return secondsLeft(start, now, totalSteps);
      }
      if (t - start.t < WARM_UP_MS) return null;
      marks.push(now);
      while (marks.length > 2 && t - (marks[1] as Mark).t >= ETA_WINDOW_MS) marks.shift();
      const base = marks[0] as Mark;
      return t - base.t < MIN_SPAN_MS ? null : secondsLeft(base, now, totalSteps);
    },
  };
}
