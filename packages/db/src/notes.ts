/** The free-text notes field of runs and sweeps, kept beside the run so its story travels with it. */
import { type Db, prisma } from "./client";
import type { CommentTarget } from "./comments";

/** The notes of a run or sweep of the project, or null when there is no such target. */
export async function getNotes(
  db: Db,
  projectId: string,
  kind: CommentTarget,
  id: string,
): Promise<string | null> {
  const where = { id, projectId };
  const row =
    kind === "run"
      ? await db[prisma].run.findFirst({ where, select: { notes: true } })
      : await db[prisma].sweep.findFirst({ where, select: { notes: true } });
  return row?.notes ?? null;
}

/** Replaces the notes; false when the target is not in the project. */
export async function setNotes(db: Db, projectId: string, kind: CommentTarget, id: string, notes: string) {
  const where = { id, projectId };
  const { count } =
    kind === "run"
      ? await db[prisma].run.updateMany({ where, data: { notes } })
      : await db[prisma].sweep.updateMany({ where, data: { notes } });
  return count > 0;
}
