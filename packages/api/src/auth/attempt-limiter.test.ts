import { describe, expect, it } from "vitest";
import { createAttemptLimiter } from "./attempt-limiter";

describe("attempt limiter", () => {
  it("allows max attempts per window per key, then refuses until the window ends", () => {
    const limiter = createAttemptLimiter({ windowS: 60, max: 3 });
    const t0 = 1_000_000;
    expect([1, 2, 3].map((i) => limiter.hit("a@x", t0 + i).allowed)).toEqual([true, true, true]);
    expect(limiter.hit("a@x", t0 + 10)).toEqual({ allowed: false, retryAfterS: 60 });
    expect(limiter.hit("b@x", t0 + 10).allowed).toBe(true);
    expect(limiter.hit("a@x", t0 + 60_001).allowed).toBe(true);
  });
});
