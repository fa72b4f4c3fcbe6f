/**
 * When to ask the server again while following a live run. A fast run ends epochs faster than a round
 * trip: asking on every epoch (and cancelling the request before) starves the panel, so the newest answer
 * wins instead — never two requests out at once, at most one per `minGapMs`, and only when behind.
 */
export const FOLLOW_GAP_MS = 150;

export type FollowState = {
  /** The page knows of a newer epoch than the one it has. */
  behind: boolean;
  inFlight: boolean;
  /** When the last request was sent (ms, same clock as `now`); null before the first. */
  lastAskedAt: number | null;
  now: number;
  minGapMs?: number;
};

/** Milliseconds to wait before asking again, or null when there is nothing to ask (or a request is out). */
export function delayBeforeNextAsk(s: FollowState): number | null {
  if (!s.behind || s.inFlight) return null;
  if (s.lastAskedAt === null) return 0;
  return Math.max(0, s.lastAskedAt + (s.minGapMs ?? FOLLOW_GAP_MS) - s.now);
}
