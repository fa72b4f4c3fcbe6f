import { describe, expect, it } from "vitest";
import { delayBeforeNextAsk, FOLLOW_GAP_MS } from "./follow-policy";

describe("following a live run", () => {
  it("asks at once the first time it is behind", () => {
    expect(delayBeforeNextAsk({ behind: true, inFlight: false, lastAskedAt: null, now: 10 })).toBe(0);
  });

  it("never sends a second request while one is out, however far behind", () => {
    expect(delayBeforeNextAsk({ behind: true, inFlight: true, lastAskedAt: 0, now: 10_000 })).toBeNull();
  });

  it("asks nothing when it already shows the newest epoch", () => {
    expect(delayBeforeNextAsk({ behind: false, inFlight: false, lastAskedAt: 0, now: 10_000 })).toBeNull();
  });

  it("spaces requests by the gap, and asks at once when the gap has passed", () => {
    expect(delayBeforeNextAsk({ behind: true, inFlight: false, lastAskedAt: 1000, now: 1100 })).toBe(
      FOLLOW_GAP_MS - 100,
    );
    expect(
      delayBeforeNextAsk({ behind: true, inFlight: false, lastAskedAt: 1000, now: 1000 + FOLLOW_GAP_MS }),
    ).toBe(0);
    expect(delayBeforeNextAsk({ behind: true, inFlight: false, lastAskedAt: 0, now: 5, minGapMs: 50 })).toBe(
      45,
    );
  });
});
