/** Workspace roles in rising order: who may do what is decided by comparing ranks. */
export const WORKSPACE_ROLES = ["VIEWER", "EDITOR", "OWNER"] as const;
export type WorkspaceRole = (typeof WORKSPACE_ROLES)[number];

/** VIEWER < EDITOR < OWNER; an unknown role ranks below all of them. */
export const roleRank = (role: string): number => WORKSPACE_ROLES.indexOf(role as WorkspaceRole);
