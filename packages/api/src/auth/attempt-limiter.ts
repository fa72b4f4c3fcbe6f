/**
 * Sign-in attempts per account, on top of better-auth's per-address limit: the address comes from
 * X-Forwarded-For, which a client can forge, so guessing one account's password from many "addresses"
 * is still capped. In memory: one web process serves the app.
 */
export type AttemptLimiter = { hit(key: string, now?: number): { allowed: boolean; retryAfterS: number } };

export function createAttemptLimiter({ windowS, max }: { windowS: number; max: number }): AttemptLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    hit(key, now = Date.now()) {
      // Forget finished windows now and then, so the map cannot grow without bound.
      if (windows.size > 10_000)
        for (const [k, w] of windows) if (now - w.start >= windowS * 1000) windows.delete(k);
      const w = windows.get(key);
      if (!w || now - w.start >= windowS * 1000) {
        windows.set(key, { start: now, count: 1 });
        return { allowed: true, retryAfterS: 0 };
      }
      w.count += 1;
      const retryAfterS = Math.ceil((w.start + windowS * 1000 - now) / 1000);
      return { allowed: w.count <= max, retryAfterS };
    },
  };
}
