import { describe, expect, it } from "vitest";
import { parseJobPayload, TRAIN_RUN_JOB } from "./jobs";

describe("job contracts", () => {
  it("parses a train job's data with its schema, filling in the attempt a job queued before attempts lacks", () => {
    expect(parseJobPayload(TRAIN_RUN_JOB, { runId: "r1" })).toEqual({
      ok: true,
      payload: { runId: "r1", attempt: 0 },
    });
  });

  it("names every wrong field of a malformed payload in one line", () => {
    expect(parseJobPayload(TRAIN_RUN_JOB, { runId: 42, attempt: -1 })).toEqual({
      ok: false,
      problem: expect.stringMatching(/^malformed job payload: runId: .+; attempt: .+$/),
    });
    expect(parseJobPayload(TRAIN_RUN_JOB, null)).toMatchObject({ ok: false, problem: /payload: / });
  });
});
