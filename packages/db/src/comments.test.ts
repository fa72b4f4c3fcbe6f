import { beforeAll, describe, expect, it } from "vitest";
import { addComment, deleteComment, editComment, listComments, targetExists } from "./comments";
import { getNotes, setNotes } from "./notes";
import { testDbForSuite } from "./test-db";
import { ensureLocalWorkspace } from "./workspace";

describe("comments and notes", () => {
  const t = testDbForSuite();
  let userId: string;
  beforeAll(async () => {
    userId = (await ensureLocalWorkspace(t.db)).userId;
  });

  it("keeps a deleted comment's place in the thread but drops its body and mentions", async () => {
    const runId = await t.newRun();
    const base = { projectId: t.projectId, targetKind: "run" as const, targetId: runId, authorId: userId };
    const first = await addComment(t.db, { ...base, body: "first @Local user", mentions: [userId] });
    await addComment(t.db, { ...base, body: "second", mentions: [] });
    await editComment(t.db, first.id, "first, edited", [userId]);
    let thread = await listComments(t.db, t.projectId, "run", runId);
    expect(thread.map((c) => c.body)).toEqual(["first, edited", "second"]);
    expect(thread[0]?.editedAt).toBeInstanceOf(Date);
    expect(thread[0]?.mentions).toEqual([userId]);
    await deleteComment(t.db, first.id);
    thread = await listComments(t.db, t.projectId, "run", runId);
    expect(thread[0]).toMatchObject({ deleted: true, body: "", mentions: [] });
    expect(thread[0]?.authorName).toBe("Local user");
  });

  it("finds targets and notes only inside their project", async () => {
    const runId = await t.newRun();
    expect(await targetExists(t.db, t.projectId, "run", runId)).toBe(true);
    expect(await targetExists(t.db, "another-project", "run", runId)).toBe(false);
    expect(await targetExists(t.db, t.projectId, "sweep", runId)).toBe(false);
    expect(await setNotes(t.db, t.projectId, "run", runId, "lr too high?")).toBe(true);
    expect(await getNotes(t.db, t.projectId, "run", runId)).toBe("lr too high?");
    expect(await setNotes(t.db, "another-project", "run", runId, "x")).toBe(false);
    expect(await getNotes(t.db, "another-project", "run", runId)).toBeNull();
  });
});
