/** The fields a saved view is named and written with, shared by views.create and views.update. */
import { z } from "zod";

export const ZViewTitle = z
  .string()
  .trim()
  .min(1, "give the view a title")
  .max(120, "a title is at most 120 characters");
export const ZViewBody = z.string().max(20_000, "the text is at most 20,000 characters");
export const ZViewIdInput = z.object({ viewId: z.string().min(1, "which view?").max(64) });
