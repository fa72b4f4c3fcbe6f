/**
 * Local mode and the first account: while nobody has signed up, everything runs as the local user;
 * the first sign-up takes over the local user's workspaces and sweeps.
 */
import { type Db, prisma } from "./client";
import { createWorkspace } from "./members";
import { ensureLocalWorkspace, LOCAL_USER_EMAIL, type LocalScope } from "./workspace";

/** True once any account can sign in (a credential row exists); from then on every request needs a session. */
export async function hasAccounts(db: Db): Promise<boolean> {
  return (await db[prisma].account.count({ take: 1 })) > 0;
}

/** The local scope while no account exists; null afterwards (so a restart never re-creates the local owner). */
export async function localModeScope(db: Db): Promise<LocalScope | null> {
  if (await hasAccounts(db)) return null;
  return ensureLocalWorkspace(db);
}

/**
 * Runs right after a new user row is written. The first account inherits everything the local user had
 * (memberships, sweeps) and the local user is deleted; any later account gets a workspace of its own,
 * so a newcomer never lands on someone else's data and always has somewhere to launch runs.
 * Returns the workspace the user starts in.
 */
export async function onUserCreated(db: Db, user: { id: string; name: string }): Promise<string> {
  const claimed = await db[prisma].$transaction(async (tx) => {
    const local = await tx.user.findUnique({ where: { email: LOCAL_USER_EMAIL } });
    if (!local || local.id === user.id) return null;
    const memberships = await tx.membership.findMany({ where: { userId: local.id } });
    if (memberships.length === 0) return null;
    await tx.membership.updateMany({ where: { userId: local.id }, data: { userId: user.id } });
    await tx.sweep.updateMany({ where: { createdById: local.id }, data: { createdById: user.id } });
    await tx.user.delete({ where: { id: local.id } });
    return memberships[0]?.workspaceId ?? null;
  });
  if (claimed) return claimed;
  const ws = await createWorkspace(db, user.id, `${user.name || "My"}'s workspace`);
  return ws.id;
}
