import { describe, expect, it } from "vitest";
import { timeAgo } from "./time-ago";

describe("timeAgo", () => {
  const now = Date.parse("2026-11-28T12:00:00Z");
  it("says just now under a minute and picks the largest whole unit after", () => {
    expect(timeAgo(new Date(now - 20_000), now)).toBe("just now");
    expect(timeAgo(new Date(now - 5 * 60_000), now)).toBe("5 min. ago");
    expect(timeAgo(new Date(now - 3 * 3600_000), now)).toBe("3 hr. ago");
    expect(timeAgo("2026-11-27T12:00:00Z", now)).toBe("yesterday");
  });
});
