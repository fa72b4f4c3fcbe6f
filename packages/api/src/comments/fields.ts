/** The fields a comment is written with, shared by comments.add and comments.edit. */
import { z } from "zod";

export const ZCommentBody = z
  .string()
  .trim()
  .min(1, "write something first")
  .max(10_000, "a comment is at most 10,000 characters");
export const ZMentions = z.array(z.string().min(1).max(64)).max(50, "at most 50 mentions").default([]);
export const ZCommentId = z.string().min(1, "which comment?").max(64);
