/**
 * Asks in the background, a few times a second, whether a training should stop, so the training loop
 * reads the answer each step without waiting on Redis or the database.
 */
export type StopRequest = "cancel" | "superseded" | "handback" | null;

export type StopWatch = {
  /** The first stop request seen so far (it stays). */
  requested(): StopRequest;
  /** Asks now, for a decision before costly work (an epoch checkpoint). */
  checkNow(): Promise<StopRequest>;
  close(): void;
};

export const STOP_POLL_MS = 100;

export function watchForStop(check: () => Promise<StopRequest>, everyMs = STOP_POLL_MS): StopWatch {
  let seen: StopRequest = null;
  let asking = false;
  const ask = async (): Promise<StopRequest> => {
    seen ??= await check();
    return seen;
  };
  const timer = setInterval(() => {
    if (asking || seen) return;
    asking = true;
    void ask().finally(() => {
      asking = false;
    });
  }, everyMs);
  return {
    requested: () => seen,
    checkNow: ask,
    close: () => clearInterval(timer),
  };
}
