/** Tags on runs: one set of named, coloured tags per project, attached through RunTag. */
import { type Db, prisma } from "./client";

export type TagView = { id: string; name: string; color: string };

export async function listProjectTags(db: Db, projectId: string): Promise<TagView[]> {
  return db[prisma].tag.findMany({
    where: { projectId },
    select: { id: true, name: true, color: true },
    orderBy: { name: "asc" },
  });
}

export async function listRunTags(db: Db, runId: string): Promise<TagView[]> {
  const rows = await db[prisma].runTag.findMany({ where: { runId }, include: { tag: true } });
  return rows
    .map((r) => ({ id: r.tag.id, name: r.tag.name, color: r.tag.color }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Attaches the project's tag `name` to a run, creating the tag with `color` when the project has none
 * by that name (an existing tag keeps its colour). The caller has checked the run is in the project.
 */
export async function addRunTag(db: Db, projectId: string, runId: string, name: string, color: string) {
  const existing = await db[prisma].tag.findMany({ where: { projectId } });
  const tag =
    existing.find((t) => t.name.toLowerCase() === name.toLowerCase()) ??
    (await db[prisma].tag.create({ data: { projectId, name, color } }));
  await db[prisma].runTag.upsert({
    where: { runId_tagId: { runId, tagId: tag.id } },
    create: { runId, tagId: tag.id },
    update: {},
  });
  return { id: tag.id, name: tag.name, color: tag.color };
}

/** Detaches a tag from a run; false when it was not attached. */
export async function removeRunTag(db: Db, projectId: string, runId: string, tagId: string) {
  const { count } = await db[prisma].runTag.deleteMany({ where: { runId, tagId, tag: { projectId } } });
  return count > 0;
}
