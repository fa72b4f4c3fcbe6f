/** Per-run log lines (what the worker did, warnings, errors), shown on the run page. */
import type { Db } from "./client";

export type LogLevel = "info" | "warn" | "error";

export async function appendRunLog(db: Db, runId: string, level: LogLevel, text: string): Promise<void> {
  await db.prisma.runLog.create({ data: { runId, level, text: text.slice(0, 4000) } });
}

export async function listRunLogs(db: Db, runId: string, take = 500) {
  return db.prisma.runLog.findMany({ where: { runId }, orderBy: { id: "asc" }, take });
}
