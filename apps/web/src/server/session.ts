/** Who is looking at a server-rendered page, and the sign-in redirect for pages that need someone. */

import { currentProject, PROJECT_COOKIE, readCookie, WORKSPACE_COOKIE } from "@actlab/api";
import { findUserProfile, listUserWorkspaces, listWorkspaceProjects } from "@actlab/db";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { serverState } from "./deps";

/** Set by src/proxy.ts: layouts are not told which page they wrap. */
export const PATH_HEADER = "x-actlab-path";
const PUBLIC_PATHS = ["/sign-in", "/sign-up"];

export type PageViewer = {
  user: { id: string; name: string; email: string } | null;
  localMode: boolean;
  workspaces: { id: string; name: string; role: string }[];
  current: { id: string; name: string; role: string } | null;
  /** The current workspace's projects (MLflow experiments among them) and the one the pages show. */
  projects: { id: string; name: string }[];
  currentProject: { id: string; name: string } | null;
  path: string;
};

/** Once per request: the layout and the user menu both ask. */
export const pageViewer = cache(async (): Promise<PageViewer> => {
  const h = await headers();
  const path = h.get(PATH_HEADER) ?? "/";
  const state = serverState();
  const who = await state.requestAuth.userFor(new Request("http://actlab.local/", { headers: h }));
  const user = who.userId ? await findUserProfile(state.deps.db, who.userId) : null;
  if (!user)
    return {
      user: null,
      localMode: false,
      workspaces: [],
      current: null,
      projects: [],
      currentProject: null,
      path,
    };
  const workspaces = await listUserWorkspaces(state.deps.db, user.id);
  const picked = readCookie({ headers: h }, WORKSPACE_COOKIE);
  const current = workspaces.find((w) => w.id === picked) ?? workspaces[0] ?? null;
  // The same rule the API follows (currentProject).
  const projects = current ? await listWorkspaceProjects(state.deps.db, current.id) : [];
  const pickedProject = readCookie({ headers: h }, PROJECT_COOKIE);
  return {
    user,
    localMode: who.via === "local",
    workspaces,
    current,
    projects,
    currentProject: currentProject(projects, pickedProject),
    path,
  };
});

/** The role the page's controls follow: local mode is everyone's own workspace. */
export function viewerRole(viewer: PageViewer): string {
  if (viewer.localMode) return "OWNER";
  return viewer.current?.role ?? "VIEWER";
}

/** Sends a signed-out visitor to /sign-in (and back here afterwards); public pages stay open. */
export function requireSignIn(viewer: PageViewer): void {
  if (viewer.user) return;
  const bare = viewer.path.split("?")[0] ?? "/";
  if (PUBLIC_PATHS.includes(bare) || bare.startsWith("/share/")) return; // share links authorise by token
  redirect(`/sign-in?next=${encodeURIComponent(viewer.path)}`);
}
