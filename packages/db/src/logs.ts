/** Per-run log lines (what the worker did, warnings, errors), shown on the run page. */
import { type Db, prisma, rawSql } from "./client";
import type { RawSql } from "./raw-sql";

export type LogLevel = "info" | "warn" | "error";

export async function appendRunLog(db: Db, runId: string, level: LogLevel, text: string): Promise<void> {
  await insertRunLog(db[rawSql], runId, { level, text });
}

/** Raw SQL, also inside the caller's transaction: a Prisma create costs ~1.5 ms a line here. */
export async function insertRunLog(tx: RawSql, runId: string, line: { level: LogLevel; text: string }) {
  const { level, text } = clampLog(line);
  await tx.run('INSERT INTO "RunLog" ("runId", "at", "level", "text") VALUES (?, ?, ?, ?)', [
    runId,
    tx.dialect.timestampParam(new Date()),
    level,
    text,
  ]);
}

/** Log lines are bounded so a runaway message cannot bloat the table. */
export function clampLog(line: { level: LogLevel; text: string }) {
  return { level: line.level, text: line.text.slice(0, 4000) };
}

export async function listRunLogs(db: Db, runId: string, take = 500) {
  return db[prisma].runLog.findMany({ where: { runId }, orderBy: { id: "asc" }, take });
}
