/** The project the UI is in: the workspace's default, or another one (an MLflow experiment) picked by cookie. */
import { createExperiment, createExternalRun } from "@actlab/db";
import { prismaForTests } from "@actlab/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { testApiForSuite } from "../test-api";

const api = testApiForSuite();
let experimentId: string;
let experimentRun: string;
let foreignProject: string;

const externalRun = (projectId: string, name: string) =>
  createExternalRun(api.db, { projectId, name, startedAt: new Date(), sourceUser: null, tags: [] });

beforeAll(async () => {
  await externalRun(api.projectId, "in-default");
  experimentId = (await createExperiment(api.db, api.workspaceId, "mnist-sweeps", []))?.id as string;
  experimentRun = await externalRun(experimentId, "in-experiment");
  const other = await api.addUser("Other");
  foreignProject = (await api.addWorkspace(other, "Elsewhere")).projectId;
  await externalRun(foreignProject, "foreign");
}, 60_000);

const names = async (currentProjectId: string | null) =>
  (await api.caller(undefined, null, currentProjectId).runs.list({})).map((r) => r.name);

describe("the current project", () => {
  it("lists the workspace's projects, the MLflow experiment among them, and says which one is current", async () => {
    const me = await api.caller(undefined, null, experimentId).workspaces.me();
    expect(me.projects.map((p) => p.name)).toEqual(expect.arrayContaining(["mnist-sweeps"]));
    expect(me.projects).toHaveLength(2);
    expect(me.currentProject?.id).toBe(experimentId);
    expect((await api.caller().workspaces.me()).currentProject?.id).toBe(api.projectId);
  });

  it("shows the picked project's runs, and its runs' pages", async () => {
    expect(await names(experimentId)).toEqual(["in-experiment"]);
    expect(await names(null)).toEqual(["in-default"]);
    const page = await api.caller(undefined, null, experimentId).runs.get({ runId: experimentRun });
    expect(page.run.name).toBe("in-experiment");
  });

  it("opens a run's page whichever project is current, but never another workspace's run", async () => {
    expect((await api.caller().runs.get({ runId: experimentRun })).run.name).toBe("in-experiment");
    const foreignRun = (
      await prismaForTests(api.db).run.findFirstOrThrow({ where: { projectId: foreignProject } })
    ).id;
    await expect(api.caller().runs.get({ runId: foreignRun })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api.caller().runs.get({ runId: "no-such-run" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("falls back to the default project for a stale or another workspace's project id", async () => {
    expect(await names("no-such-project")).toEqual(["in-default"]);
    expect(await names(foreignProject)).toEqual(["in-default"]);
  });
});
