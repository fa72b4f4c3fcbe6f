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

type Named = { id: string; name: string };

/**
 * A top-bar choice among named things, hidden while there is only one. Picking one stores it, then goes
 * back to the runs list: the page open now may belong to what was left.
 */
function Switcher({
  label,
  testId,
  items,
  currentId,
  store,
}: {
  label: string;
  testId: string;
  items: Named[];
  currentId: string | null;
  store: (id: string) => void;
}) {
  if (items.length < 2) return null;
  return (
    <select
      className={styles.switcher}
      aria-label={label}
      data-testid={testId}
      value={currentId ?? ""}
      onChange={(e) => {
        store(e.target.value);
        window.location.assign("/");
      }}
    >
      {items.map((item) => (
        <option key={item.id} value={item.id}>
          {item.name}
        </option>
      ))}
    </select>
  );
}

/**
 * The project the pages show, among the current workspace's: its default one, or an MLflow experiment
 * a script logged to (`mlflow.set_experiment`).
 */
export function ProjectSwitcher({ projects, currentId }: { projects: Named[]; currentId: string | null }) {
  return (
    <Switcher
      label="Project"
      testId="project-switcher"
      items={projects}
      currentId={currentId}
      store={(id) => setPreference(PROJECT_COOKIE, id)}
    />
  );
}

export function WorkspaceSwitcher({
  workspaces,
  currentId,
}: {
  workspaces: Named[];
  currentId: string | null;
}) {
  return (
    <Switcher
      label="Workspace"
      testId="workspace-switcher"
      items={workspaces}
      currentId={currentId}
      store={pickWorkspace}
    />
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
