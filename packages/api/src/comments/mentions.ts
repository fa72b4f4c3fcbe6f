/** Mentions are kept only for members of the workspace: an id from elsewhere is dropped, not stored. */
import { listMembers } from "@actlab/db";
import type { ApiDeps } from "../context";

export async function memberMentions(
  ctx: Pick<ApiDeps, "db"> & { workspaceId: string },
  mentions: string[],
): Promise<string[]> {
  if (mentions.length === 0) return [];
  const members = new Set((await listMembers(ctx.db, ctx.workspaceId)).map((m) => m.userId));
  return [...new Set(mentions)].filter((id) => members.has(id));
}
