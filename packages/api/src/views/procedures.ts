/**
 * views.*: saved comparisons with a markdown report. Every member reads; editors save, and edit or delete
 * their own (owners any); the view's creator or an owner creates and revokes its public link.
 */
import {
  createSavedView,
  createViewShare,
  deleteSavedView,
  getSavedView,
  listSavedViews,
  revokeViewShares,
  type SavedViewSummary,
  updateSavedView,
} from "@actlab/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { recordActivitySafely } from "../activity/record";
import type { ApiContext } from "../context";
import { projectProcedure } from "../trpc";
import { ZViewStateQuery } from "./state";

const ZTitle = z
  .string()
  .trim()
  .min(1, "give the view a title")
  .max(120, "a title is at most 120 characters");
const ZBody = z.string().max(20_000, "the text is at most 20,000 characters");
export const ZViewIdInput = z.object({ viewId: z.string().min(1, "which view?").max(64) });
export const ZCreateViewInput = z.object({ title: ZTitle, body: ZBody.default(""), state: ZViewStateQuery });
export const ZUpdateViewInput = ZViewIdInput.extend({
  title: ZTitle.optional(),
  body: ZBody.optional(),
  state: ZViewStateQuery.optional(),
});

type Scope = Pick<ApiContext, "db"> & { projectId: string; userId: string; role: string };

/** The creator or a workspace owner manages a view (edit, delete, share); others only read it. */
const canManage = (ctx: Scope, view: SavedViewSummary) =>
  view.createdById === ctx.userId || ctx.role === "OWNER";
const present = (ctx: Scope, view: SavedViewSummary) => ({ ...view, canManage: canManage(ctx, view) });

async function requireView(ctx: Scope, viewId: string) {
  const view = await getSavedView(ctx.db, ctx.projectId, viewId);
  if (!view) throw new TRPCError({ code: "NOT_FOUND", message: `no saved view ${viewId}` });
  return view;
}

async function requireManagedView(ctx: Scope, viewId: string) {
  const view = await requireView(ctx, viewId);
  if (!canManage(ctx, view))
    throw new TRPCError({ code: "FORBIDDEN", message: "only the view's creator or an owner may change it" });
  return view;
}

export const listViewsProcedure = projectProcedure("VIEWER").query(async ({ ctx }) =>
  (await listSavedViews(ctx.db, ctx.projectId)).map((v) => present(ctx, v)),
);

export const getViewProcedure = projectProcedure("VIEWER")
  .input(ZViewIdInput)
  .query(async ({ ctx, input }) => present(ctx, await requireView(ctx, input.viewId)));

export const createViewProcedure = projectProcedure("EDITOR")
  .input(ZCreateViewInput)
  .mutation(async ({ ctx, input }) => {
    const view = await createSavedView(ctx.db, {
      ...input,
      projectId: ctx.projectId,
      createdById: ctx.userId,
    });
    await recordActivitySafely(ctx, {
      projectId: ctx.projectId,
      actorId: ctx.userId,
      verb: "saved a view",
      targetKind: "view",
      targetId: view.id,
      detail: view.title,
    });
    return present(ctx, view);
  });

export const updateViewProcedure = projectProcedure("EDITOR")
  .input(ZUpdateViewInput)
  .mutation(async ({ ctx, input }) => {
    const { viewId, ...patch } = input;
    await requireManagedView(ctx, viewId);
    await updateSavedView(ctx.db, ctx.projectId, viewId, patch);
    return present(ctx, await requireView(ctx, viewId));
  });

export const deleteViewProcedure = projectProcedure("EDITOR")
  .input(ZViewIdInput)
  .mutation(async ({ ctx, input }) => {
    await requireManagedView(ctx, input.viewId);
    return { deleted: await deleteSavedView(ctx.db, ctx.projectId, input.viewId) };
  });

/** A new public link (any earlier one stops working); the token is shown once, only its hash is kept. */
export const shareViewProcedure = projectProcedure("EDITOR")
  .input(ZViewIdInput)
  .mutation(async ({ ctx, input }) => {
    const view = await requireManagedView(ctx, input.viewId);
    const { token } = await createViewShare(ctx.db, view.id, ctx.userId);
    await recordActivitySafely(ctx, {
      projectId: ctx.projectId,
      actorId: ctx.userId,
      verb: "shared",
      targetKind: "view",
      targetId: view.id,
      detail: view.title,
    });
    return { token };
  });

export const revokeShareProcedure = projectProcedure("EDITOR")
  .input(ZViewIdInput)
  .mutation(async ({ ctx, input }) => {
    const view = await requireManagedView(ctx, input.viewId);
    return { revoked: await revokeViewShares(ctx.db, view.id) };
  });
