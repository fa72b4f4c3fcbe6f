/** A run's lifecycle: the one list behind the database column, the queue's live events and the analysis. */
import { z } from "zod";

export const RUN_STATUSES = ["QUEUED", "RUNNING", "COMPLETED", "FAILED", "CANCELED", "DIVERGED"] as const;
export const ZRunStatus = z.enum(RUN_STATUSES);
export type RunStatus = z.infer<typeof ZRunStatus>;

/** Statuses a run never leaves on its own (a retry starts a new attempt). */
export const FINISHED_STATUSES: readonly RunStatus[] = ["COMPLETED", "FAILED", "CANCELED", "DIVERGED"];

/** For a status read as a plain string (a serialized run, a database row). */
export function isFinishedStatus(status: string): boolean {
  return (FINISHED_STATUSES as readonly string[]).includes(status);
}
