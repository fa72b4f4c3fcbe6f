import { describe, expect, it } from "vitest";
import { listActivity, recordActivity } from "./activity";
import { testDbForSuite } from "./test-db";
import { ensureLocalWorkspace } from "./workspace";

describe("activity feed", () => {
  const t = testDbForSuite();

  it("pages newest first with a cursor and names the target while it exists", async () => {
    const { userId } = await ensureLocalWorkspace(t.db);
    const runId = await t.newRun();
    const verbs = ["launched", "tagged", "starred", "commented", "canceled"] as const;
    for (const verb of verbs)
      await recordActivity(t.db, {
        projectId: t.projectId,
        actorId: userId,
        verb,
        targetKind: "run",
        targetId: runId,
      });
    await recordActivity(t.db, {
      projectId: t.projectId,
      actorId: null,
      verb: "launched",
      targetKind: "sweep",
      targetId: "gone",
    });
    const first = await listActivity(t.db, t.projectId, { take: 4 });
    expect(first.items).toHaveLength(4);
    expect(first.items[0]).toMatchObject({
      verb: "launched",
      targetKind: "sweep",
      targetName: null,
      actorName: null,
    });
    expect(first.items[1]).toMatchObject({ verb: "canceled", actorName: "Local user" });
    expect(first.items[1]?.targetName).toContain("relu");
    const second = await listActivity(t.db, t.projectId, { take: 4, cursor: first.nextCursor });
    expect(second.items.map((i) => i.verb)).toEqual(["tagged", "launched"]);
    expect(second.nextCursor).toBeNull();
  });
});
