/**
 * The job of a run in `projectId` (job id = run id). Another project's job, or a job that is no run's,
 * reads as missing: a guessed id reveals nothing and cannot be touched.
 */
import { getRun } from "@actlab/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import type { ApiContext } from "../context";

export const ZJobIdInput = z.object({ jobId: z.string().min(1).max(128) });

export async function findProjectJob(ctx: ApiContext, projectId: string, jobId: string) {
  const notFound = () => new TRPCError({ code: "NOT_FOUND", message: `no job ${jobId}` });
  if (!(await getRun(ctx.db, jobId, projectId))) throw notFound();
  const job = await ctx.queue.getJob(jobId);
  if (!job) throw notFound();
  return job;
}
