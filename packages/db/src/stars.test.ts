import { describe, expect, it } from "vitest";
import { isRunStarred, setRunStar } from "./stars";
import { testDbForSuite } from "./test-db";
import { ensureLocalWorkspace } from "./workspace";

describe("run stars", () => {
  const t = testDbForSuite();

  it("reports a change only when the star actually flips", async () => {
    const { userId } = await ensureLocalWorkspace(t.db);
    const runId = await t.newRun();
    expect(await setRunStar(t.db, runId, userId, true)).toBe(true);
    expect(await setRunStar(t.db, runId, userId, true)).toBe(false);
    expect(await isRunStarred(t.db, runId, userId)).toBe(true);
    expect(await setRunStar(t.db, runId, userId, false)).toBe(true);
    expect(await setRunStar(t.db, runId, userId, false)).toBe(false);
    expect(await isRunStarred(t.db, runId, userId)).toBe(false);
  });
});
