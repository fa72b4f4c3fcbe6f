/** The index of the files a run logged: path and size per file; the bytes live in the artifact store. */
import { type Db, prisma } from "./client";

export type RunArtifactEntry = { path: string; size: number; updatedAt: Date };

export async function recordRunArtifact(db: Db, runId: string, path: string, size: number): Promise<void> {
  await db[prisma].runArtifact.upsert({
    where: { runId_path: { runId, path } },
    update: { size },
    create: { runId, path, size },
  });
}

export async function forgetRunArtifact(db: Db, runId: string, path: string): Promise<boolean> {
  return (await db[prisma].runArtifact.deleteMany({ where: { runId, path } })).count > 0;
}

export async function findRunArtifact(db: Db, runId: string, path: string): Promise<RunArtifactEntry | null> {
  return db[prisma].runArtifact.findUnique({
    where: { runId_path: { runId, path } },
    select: { path: true, size: true, updatedAt: true },
  });
}

/** Every file of the run, or those under `prefix` (a folder path without a trailing slash), by path. */
export async function listRunArtifacts(db: Db, runId: string, prefix = ""): Promise<RunArtifactEntry[]> {
  const under = prefix ? `${prefix}/` : "";
  const rows = await db[prisma].runArtifact.findMany({
    where: { runId, ...(under ? { path: { startsWith: under } } : {}) },
    select: { path: true, size: true, updatedAt: true },
    orderBy: { path: "asc" },
  });
  // SQLite's LIKE (behind startsWith) ignores case: keep only the exact prefix.
  return rows.filter((r) => r.path.startsWith(under));
}
