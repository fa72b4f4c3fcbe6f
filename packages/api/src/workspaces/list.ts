/** The caller and their workspaces, with the one the UI is in: what the user menu shows. */
import { findUserProfile, listUserWorkspaces, listWorkspaceProjects } from "@actlab/db";
import { authedProcedure } from "../trpc";
import { currentProject } from "./current-project";

export const meProcedure = authedProcedure.query(async ({ ctx }) => {
  const user = await findUserProfile(ctx.db, ctx.userId);
  const workspaces = await listUserWorkspaces(ctx.db, ctx.userId);
  // The cookie is only a preference: a workspace the user left falls back to their first.
  const current = workspaces.find((w) => w.id === ctx.currentWorkspaceId) ?? workspaces[0] ?? null;
  // Its projects (MLflow experiments among them), and the one the UI is in: the same fallback rule.
  const projects = current ? await listWorkspaceProjects(ctx.db, current.id) : [];
  return {
    user,
    workspaces,
    current,
    projects,
    currentProject: currentProject(projects, ctx.currentProjectId),
    localMode: ctx.authVia === "local",
  };
});
