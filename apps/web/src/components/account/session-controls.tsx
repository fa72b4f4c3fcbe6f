"use client";
/** The top bar's interactive bits: switch workspace (a cookie the API validates) and sign out. */
import styles from "./account.module.css";

const WORKSPACE_COOKIE = "actlab-workspace";
const PROJECT_COOKIE = "actlab-project";

function setPreference(cookie: string, value: string, maxAge = 31536000): void {
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is not in every browser yet; this cookie holds no secret.
  document.cookie = `${cookie}=${encodeURIComponent(value)}; path=/; max-age=${maxAge}; samesite=lax`;
}

/** Remembers the picked workspace for the server (a preference only: the API checks the membership). */
export function pickWorkspace(id: string): void {
  setPreference(WORKSPACE_COOKIE, id);
  // Another workspace starts in its own default project.
  setPreference(PROJECT_COOKIE, "", 0);
}

/**
 * The project the pages show, among the current workspace's: its default one, or an MLflow experiment
 * a script logged to (`mlflow.set_experiment`). Hidden while there is only one.
 */
export function ProjectSwitcher({
  projects,
  currentId,
}: {
  projects: { id: string; name: string }[];
  currentId: string | null;
}) {
  if (projects.length < 2) return null;
  return (
    <select
      className={styles.switcher}
      aria-label="Project"
      data-testid="project-switcher"
      value={currentId ?? ""}
      onChange={(e) => {
        setPreference(PROJECT_COOKIE, e.target.value);
        window.location.assign("/");
      }}
    >
      {projects.map((p) => (
        <option key={p.id} value={p.id}>
          {p.name}
        </option>
      ))}
    </select>
  );
}

export function WorkspaceSwitcher({
  workspaces,
  currentId,
}: {
  workspaces: { id: string; name: string }[];
  currentId: string | null;
}) {
  if (workspaces.length < 2) return null;
  return (
    <select
      className={styles.switcher}
      aria-label="Workspace"
      data-testid="workspace-switcher"
      value={currentId ?? ""}
      onChange={(e) => {
        pickWorkspace(e.target.value);
        // Back to the runs list: the page open now may belong to the other workspace.
        window.location.assign("/");
      }}
    >
      {workspaces.map((w) => (
        <option key={w.id} value={w.id}>
          {w.name}
        </option>
      ))}
    </select>
  );
}

export function SignOutButton() {
  return (
    <button
      type="button"
      className={styles.linkButton}
      onClick={async () => {
        await fetch("/api/auth/sign-out", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: "{}",
        });
        window.location.assign("/sign-in");
      }}
    >
      Sign out
    </button>
  );
}
