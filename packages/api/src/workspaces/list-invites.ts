/** workspaces.invites: the workspace's open invites (owners only). */
import { listOpenInvites } from "@actlab/db";
import { workspaceProcedure } from "../trpc";

export const listInvitesProcedure = workspaceProcedure("OWNER").query(({ ctx }) =>
  listOpenInvites(ctx.db, ctx.workspaceId),
);
