/** workspaces.members: anyone in the workspace may list its members and see their own role. */
import { listMembers } from "@actlab/db";
import { workspaceProcedure } from "../trpc";

export const listMembersProcedure = workspaceProcedure("VIEWER").query(async ({ ctx }) => ({
  workspaceId: ctx.workspaceId,
  myRole: ctx.role,
  members: await listMembers(ctx.db, ctx.workspaceId),
}));
