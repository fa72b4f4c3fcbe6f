/**
 * Whether a training should stop, answered without holding the training loop up: what is cheap to read
 * (a signal) is read as the loop asks, at most every `everyMs`; what needs a round trip (the run's row,
 * Redis) is asked in the background, so each step only reads a flag.
 */
export type StopRequest = "cancel" | "superseded" | "handback" | null;

export type StopWatch = {
  /** The first stop request seen so far (it stays). Cheap enough to call every step. */
  requested(): StopRequest;
  /**
   * For a decision before costly work (an epoch checkpoint): an answer from every source no older than
   * two polls, asking now only when the last one is older (a short epoch need not wait a round trip).
   */
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
  /** When the newest answer from `ask` was asked for. */
  let answeredAsOf = Number.NEGATIVE_INFINITY;
  const read = () => {
    readAt = Date.now();
    seen ??= sources.read();
    return seen;
  };
  const ask = async () => {
    const askedAt = Date.now();
    const answer = await sources.ask();
    seen ??= answer;
    answeredAsOf = Math.max(answeredAsOf, askedAt);
  };
  const poll = () => {
    if (asking || seen) return;
    asking = true;
    void ask().then(() => {
      asking = false;
    });
  };
  // Asked at once too: the first epochs (a few ms each on small data) then find a fresh answer.
  poll();
  const timer = setInterval(poll, everyMs);
  return {
    requested: () => (seen || Date.now() - readAt < everyMs ? seen : read()),
    async checkNow() {
      if (read() || Date.now() - answeredAsOf <= 2 * everyMs) return seen;
      await ask();
      return seen;
    },
    close: () => clearInterval(timer),
  };
}
