import { describe, expect, it } from "vitest";
import { formatDurationTick, INTEGER_INCREMENTS } from "./axis-ticks";

describe("compare chart x ticks", () => {
  it("steps and epochs only ever tick on whole numbers", () => {
    expect(INTEGER_INCREMENTS.every((n) => Number.isInteger(n) && n >= 1)).toBe(true);
  });

  it("reads wall time as a duration", () => {
    expect(formatDurationTick(2.5)).toBe("2.5 s");
    expect(formatDurationTick(45)).toBe("45 s");
    expect(formatDurationTick(150)).toBe("2m 30s");
    expect(formatDurationTick(120)).toBe("2m");
    expect(formatDurationTick(3900)).toBe("1h 05m");
  });
});
