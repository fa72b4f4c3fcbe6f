/** runs.verdict: the verdict over a chosen set of runs, including runs logged through the MLflow API. */
import { appendMetrics, createExternalRun, logRunParams, updateTrackedRun } from "@actlab/db";
import { beforeAll, describe, expect, it } from "vitest";
import { testApiForSuite } from "../test-api";

const api = testApiForSuite();
const ids: string[] = [];
let foreignRun: string;

/** What a PyTorch script logging to MLflow leaves: params, a val/acc curve per epoch, a finished run. */
async function externalRun(projectId: string, activation: string, seed: number, curve: number[]) {
  const id = await createExternalRun(api.db, {
    projectId,
    name: `${activation}-${seed}`,
    startedAt: new Date(),
    sourceUser: "ada",
    tags: [],
  });
  await logRunParams(api.db, id, [
    { key: "activation", value: activation },
    { key: "seed", value: String(seed) },
    { key: "lr", value: "0.01" },
  ]);
  await appendMetrics(
    api.db,
    id,
    curve.map((value, i) => ({ key: "val/acc", step: i + 1, value, wallMs: i })),
  );
  await updateTrackedRun(api.db, id, { status: "COMPLETED", finishedAt: new Date() });
  return id;
}

beforeAll(async () => {
  for (const [activation, finals] of [
    ["gelu", [0.95, 0.96, 0.97]],
    ["relu", [0.9, 0.91, 0.92]],
  ] as const) {
    for (const [seed, final] of finals.entries()) {
      ids.push(await externalRun(api.projectId, activation, seed, [0.5, 0.8, final]));
    }
  }
  const other = await api.addUser("Other");
  const { projectId } = await api.addWorkspace(other, "Other team");
  foreignRun = await externalRun(projectId, "tanh", 0, [0.99, 0.99, 0.99]);
}, 60_000);

describe("runs.verdict", () => {
  it("ranks runs logged from outside by their params, with the same honest sentence as a sweep", async () => {
    const v = await api.caller().runs.verdict({ runIds: ids });
    expect(v.groups.map((g) => [g.group, g.rank, g.n])).toEqual([
      ["gelu", 1, 3],
      ["relu", 2, 3],
    ]);
    expect(v.groups[1]?.vsBest?.diffPoints).toBeCloseTo(-5, 10);
    expect(v.sentence).toMatch(/^gelu beats relu/);
  });

  it("leaves out runs of another workspace as if they did not exist", async () => {
    const v = await api.caller().runs.verdict({ runIds: [...ids, foreignRun] });
    expect(v.groups.map((g) => g.group)).toEqual(["gelu", "relu"]);
  });

  it("groups by any param the runs share and refuses one they lack, naming what there is", async () => {
    const bySeed = await api.caller().runs.verdict({ runIds: ids, groupBy: "seed" });
    expect(bySeed.groups.every((g) => g.group.startsWith("seed="))).toBe(true);
    await expect(api.caller().runs.verdict({ runIds: ids, groupBy: "momentum" })).rejects.toThrow(
      /these runs have no param "momentum" \(try .*activation/,
    );
    await expect(api.caller().runs.verdict({ runIds: [ids[0] as string] })).rejects.toThrow(
      /at least two runs/,
    );
  });
});
