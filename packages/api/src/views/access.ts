/**
 * Who may do what with a saved view: every member reads; the view's creator or a workspace owner edits,
 * deletes and shares it. A view of another project is NOT_FOUND.
 */
import { getSavedView, type SavedViewSummary } from "@actlab/db";
import { TRPCError } from "@trpc/server";
import type { ApiContext } from "../context";

export type ViewScope = Pick<ApiContext, "db"> & { projectId: string; userId: string; role: string };

const canManage = (ctx: ViewScope, view: SavedViewSummary) =>
  view.createdById === ctx.userId || ctx.role === "OWNER";

/** A view as the caller sees it: with whether they may change it. */
export const presentView = (ctx: ViewScope, view: SavedViewSummary) => ({
  ...view,
  canManage: canManage(ctx, view),
});

export async function requireView(ctx: ViewScope, viewId: string) {
  const view = await getSavedView(ctx.db, ctx.projectId, viewId);
  if (!view) throw new TRPCError({ code: "NOT_FOUND", message: `no saved view ${viewId}` });
  return view;
}

export async function requireManagedView(ctx: ViewScope, viewId: string) {
  const view = await requireView(ctx, viewId);
  if (!canManage(ctx, view))
    throw new TRPCError({ code: "FORBIDDEN", message: "only the view's creator or an owner may change it" });
  return view;
}
