import { beforeAll, describe, expect, it } from "vitest";
import { queryRunTable, type RunFilter } from "./run-table-query";
import { setRunStar } from "./stars";
import { addRunTag, listProjectTags, listRunTags, removeRunTag } from "./tags";
import { testDbForSuite } from "./test-db";
import { ensureLocalWorkspace } from "./workspace";

describe("run tags and stars in the runs table", () => {
  const t = testDbForSuite();
  let userId: string;
  const runs: string[] = [];

  beforeAll(async () => {
    userId = (await ensureLocalWorkspace(t.db)).userId;
    for (let i = 0; i < 3; i++) runs.push(await t.newRun({ seed: i }));
    await addRunTag(t.db, t.projectId, runs[0] as string, "baseline", "#112233");
    await addRunTag(t.db, t.projectId, runs[1] as string, "wide", "#445566");
    await setRunStar(t.db, runs[2] as string, userId, true);
  });

  const matching = async (filter: RunFilter, viewerId: string | null = userId) =>
    (
      await queryRunTable(t.db, t.projectId, {
        filter,
        sort: { field: { kind: "run", field: "createdAt" }, dir: "asc" },
        offset: 0,
        limit: 50,
        columns: [],
        viewerId,
      })
    ).rows.map((r) => runs.indexOf(r.id));

  it("reuses a project's tag by name, case-insensitively, keeping its first colour", async () => {
    const again = await addRunTag(t.db, t.projectId, runs[2] as string, "BASELINE", "#ffffff");
    expect(again).toMatchObject({ name: "baseline", color: "#112233" });
    expect((await listProjectTags(t.db, t.projectId)).map((x) => x.name)).toEqual(["baseline", "wide"]);
    expect(await removeRunTag(t.db, t.projectId, runs[2] as string, again.id)).toBe(true);
    expect(await removeRunTag(t.db, t.projectId, runs[2] as string, again.id)).toBe(false);
    expect(await listRunTags(t.db, runs[2] as string)).toEqual([]);
  });

  it("filters by one tag, by a list of tags, and by its negation", async () => {
    expect(await matching({ kind: "tag", names: ["Baseline"] })).toEqual([0]);
    expect(await matching({ kind: "tag", names: ["baseline", "wide"] })).toEqual([0, 1]);
    expect(await matching({ kind: "not", item: { kind: "tag", names: ["baseline"] } })).toEqual([1, 2]);
  });

  it("filters starred runs for the viewer only", async () => {
    expect(await matching({ kind: "starred", value: true })).toEqual([2]);
    expect(await matching({ kind: "starred", value: false })).toEqual([0, 1]);
    expect(await matching({ kind: "starred", value: true }, null)).toEqual([]);
  });

  it("returns each row's tags for the explorer's chips", async () => {
    const rows = (
      await queryRunTable(t.db, t.projectId, {
        sort: { field: { kind: "run", field: "createdAt" }, dir: "asc" },
        offset: 0,
        limit: 50,
        columns: [],
      })
    ).rows;
    expect(rows.map((r) => r.tags.map((x) => x.name))).toEqual([["baseline"], ["wide"], []]);
  });
});
