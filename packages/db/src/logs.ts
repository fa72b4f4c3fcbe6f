/** Per-run log lines (what the worker did, warnings, errors), shown on the run page. */
import { type Db, prisma } from "./client";

export type LogLevel = "info" | "warn" | "error";

export async function appendRunLog(db: Db, runId: string, level: LogLevel, text: string): Promise<void> {
  await db[prisma].runLog.create({ data: { runId, ...clampLog({ level, text }) } });
}

/** Log lines are bounded so a runaway message cannot bloat the table. */
export function clampLog(line: { level: LogLevel; text: string }) {
  return { level: line.level, text: line.text.slice(0, 4000) };
}

export async function listRunLogs(db: Db, runId: string, take = 500) {
  return db[prisma].runLog.findMany({ where: { runId }, orderBy: { id: "asc" }, take });
}
