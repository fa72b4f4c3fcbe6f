/** Per-user stars on runs: a private bookmark, so one member's stars never reorder another's table. */
import { type Db, prisma } from "./client";

export async function isRunStarred(db: Db, runId: string, userId: string): Promise<boolean> {
  return (await db[prisma].runStar.findUnique({ where: { runId_userId: { runId, userId } } })) !== null;
}

/** Sets the star to `starred`; returns whether anything changed (so a repeated click records no activity). */
export async function setRunStar(db: Db, runId: string, userId: string, starred: boolean): Promise<boolean> {
  if (!starred) return (await db[prisma].runStar.deleteMany({ where: { runId, userId } })).count > 0;
  if (await isRunStarred(db, runId, userId)) return false;
  await db[prisma].runStar.create({ data: { runId, userId } });
  return true;
}
