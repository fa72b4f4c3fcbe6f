/**
 * The project the UI is in, one rule for the API, the user menu and the server-rendered top bar: the
 * picked one (cookie) if it is among the workspace's live projects, else the first (the default project,
 * which cannot be deleted). A stale or foreign id falls back.
 */
export function currentProject<T extends { id: string }>(
  liveProjects: readonly T[],
  pickedId: string | null | undefined,
): T | null {
  return liveProjects.find((p) => p.id === pickedId) ?? liveProjects[0] ?? null;
}
