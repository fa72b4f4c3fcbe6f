import { describe, expect, it } from "vitest";
import { describeJobFailure, diedOutOfMemory } from "./job-failure";

describe("describeJobFailure", () => {
  it("says how a training process died, and how often", () => {
    expect(describeJobFailure("Unexpected exit code: null signal: SIGKILL", 3)).toBe(
      "the training process died 3 times (killed by SIGKILL / out of memory)",
    );
    expect(describeJobFailure("Unexpected exit code: 1 signal: null", 1)).toBe(
      "the training process died once (exit code 1)",
    );
    expect(describeJobFailure("database is locked", 3)).toBe("the job failed 3 times: database is locked");
  });

  it("tells a V8 heap limit abort from other deaths", () => {
    expect(diedOutOfMemory("Unexpected exit code: null signal: SIGABRT")).toBe(true);
    expect(diedOutOfMemory("Unexpected exit code: 134 signal: null")).toBe(true);
    expect(diedOutOfMemory("Unexpected exit code: null signal: SIGKILL")).toBe(false);
    expect(describeJobFailure("Unexpected exit code: null signal: SIGABRT", 1)).toMatch(/ran out of memory/);
  });
});
