/**
 * The top bar's account corner, rendered on the server for every page: sends signed-out visitors to
 * /sign-in, shows the user, the workspace switcher, settings and sign-out.
 */
import Link from "next/link";
import { pageViewer, requireSignIn } from "@/server/session";
import styles from "./account.module.css";
import { ProjectSwitcher, SignOutButton, WorkspaceSwitcher } from "./session-controls";

export async function UserMenu() {
  const viewer = await pageViewer();
  requireSignIn(viewer);
  if (!viewer.user)
    return (
      <Link prefetch={false} href="/sign-in">
        Sign in
      </Link>
    );
  if (viewer.localMode) {
    return (
      <div className={styles.menu} data-testid="user-menu">
        <ProjectSwitcher projects={viewer.projects} currentId={viewer.currentProject?.id ?? null} />
        <span className="muted" title="Nobody has signed up yet: everyone acts as the local user">
          Local mode
        </span>
        <Link prefetch={false} href="/sign-up">
          Create account
        </Link>
      </div>
    );
  }
  return (
    <div className={styles.menu} data-testid="user-menu" data-role={viewer.current?.role}>
      <WorkspaceSwitcher workspaces={viewer.workspaces} currentId={viewer.current?.id ?? null} />
      <ProjectSwitcher projects={viewer.projects} currentId={viewer.currentProject?.id ?? null} />
      <span className={styles.name} title={viewer.user.email}>
        {viewer.user.name}
      </span>
      {viewer.current ? <span className="badge">{viewer.current.role.toLowerCase()}</span> : null}
      <Link prefetch={false} href="/settings/members">
        Settings
      </Link>
      <SignOutButton />
    </div>
  );
}
