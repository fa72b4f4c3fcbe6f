import { describe, expect, it } from "vitest";
import { listRunLogs } from "./logs";
import { cancelRuns, finishRun, getRun, markRunStarted, readRunToTrain } from "./runs";
import { testDbForSuite } from "./test-db";

describe("finishing a run", () => {
  const t = testDbForSuite();

  it("stores the outcome and its log line together", async () => {
    const id = await t.newRun();
    const changed = await finishRun(t.db, id, {
      status: "COMPLETED",
      summary: { final_val_acc: 0.9 },
      log: { level: "info", text: "completed after 3 epochs" },
    });
    expect(changed).toBe(true);
    expect((await getRun(t.db, id))?.status).toBe("COMPLETED");
    expect((await listRunLogs(t.db, id)).map((l) => l.text)).toEqual(["completed after 3 epochs"]);
  });

  it("keeps a canceled run canceled and writes no completion line for it", async () => {
    const id = await t.newRun();
    await cancelRuns(t.db, [id]);
    const changed = await finishRun(t.db, id, {
      status: "COMPLETED",
      log: { level: "info", text: "completed after 3 epochs" },
    });
    expect(changed).toBe(false);
    expect((await getRun(t.db, id))?.status).toBe("CANCELED");
    expect(await listRunLogs(t.db, id)).toEqual([]);
  });

  it("finishes only the attempt it names, and stamps times Prisma reads back as the instant they were", async () => {
    const id = await t.newRun();
    const before = Date.now();
    expect(await markRunStarted(t.db, id, 1)).toBe(false); // attempt 0 is the run's
    expect(await markRunStarted(t.db, id, 0)).toBe(true);
    expect(await readRunToTrain(t.db, id)).toMatchObject({ status: "RUNNING", projectId: t.projectId });
    expect(await finishRun(t.db, id, { status: "COMPLETED", attempt: 1 })).toBe(false);
    expect(
      await finishRun(t.db, id, {
        status: "FAILED",
        error: "boom",
        attempt: 0,
        log: { level: "error", text: "boom" },
      }),
    ).toBe(true);
    const run = await getRun(t.db, id);
    expect(run).toMatchObject({ status: "FAILED", error: "boom", summary: null });
    for (const at of [
      run?.startedAt,
      run?.finishedAt,
      run?.updatedAt,
      (await listRunLogs(t.db, id))[0]?.at,
    ]) {
      expect(at?.getTime()).toBeGreaterThanOrEqual(before - 5);
      expect(at?.getTime()).toBeLessThanOrEqual(Date.now());
    }
    expect(await readRunToTrain(t.db, "no-such-run")).toBeNull();
  });
});
