import { describe, expect, it } from "vitest";
import { listRunLogs } from "./logs";
import { cancelRuns, finishRun, getRun } from "./runs";
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
});
