/**
 * Whether a training should stop, answered without holding the training loop up: what is cheap to read
 * (a signal) is read as the loop asks, at most every `everyMs`; what needs a round trip (the run's row,
 * Redis) is asked in the background, so each step only reads a flag.
 */
export type StopRequest = "cancel" | "superseded" | "handback" | null;

export type StopWatch = {
  /** The first stop request seen so far (it stays). Cheap enough to call every step. */
  requested(): StopRequest;
  /** Asks every source now, for a decision before costly work (an epoch checkpoint). */
  checkNow(): Promise<StopRequest>;
  close(): void;
};

export type StopSources = {
  /** Synchronous: a signal received. */
  read(): StopRequest;
  /** Needs a round trip; must not throw. */
  ask(): Promise<StopRequest>;
};

export const STOP_POLL_MS = 100;

export function watchForStop(sources: StopSources, everyMs = STOP_POLL_MS): StopWatch {
  let seen: StopRequest = null;
  let readAt = 0;
  let asking = false;
  const read = () => {
    readAt = Date.now();
    seen ??= sources.read();
    return seen;
  };
  const timer = setInterval(() => {
    if (asking || seen) return;
    asking = true;
    void sources.ask().then((answer) => {
      seen ??= answer;
      asking = false;
    });
  }, everyMs);
  return {
    requested: () => (seen || Date.now() - readAt < everyMs ? seen : read()),
    async checkNow() {
      if (read()) return seen;
      seen ??= await sources.ask();
      return seen;
    },
    close: () => clearInterval(timer),
  };
}
