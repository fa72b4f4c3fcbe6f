/** Local mode: one default user, workspace and project, so nothing asks to sign in yet. */
import { type Db, prisma } from "./client";

export type LocalScope = { userId: string; workspaceId: string; projectId: string };

export const LOCAL_USER_EMAIL = "local@actlab.invalid";

export async function ensureLocalWorkspace(db: Db): Promise<LocalScope> {
  const client = db[prisma];
  const user = await client.user.upsert({
    where: { email: LOCAL_USER_EMAIL },
    update: {},
    create: { email: LOCAL_USER_EMAIL, name: "Local user" },
  });
  const workspace = await client.workspace.upsert({
    where: { slug: "local" },
    update: {},
    create: { slug: "local", name: "Local workspace" },
  });
  await client.membership.upsert({
    where: { userId_workspaceId: { userId: user.id, workspaceId: workspace.id } },
    update: {},
    create: { userId: user.id, workspaceId: workspace.id, role: "OWNER" },
  });
  const project = await client.project.upsert({
    where: { workspaceId_slug: { workspaceId: workspace.id, slug: "default" } },
    update: {},
    create: { workspaceId: workspace.id, slug: "default", name: "Default project" },
  });
  return { userId: user.id, workspaceId: workspace.id, projectId: project.id };
}
