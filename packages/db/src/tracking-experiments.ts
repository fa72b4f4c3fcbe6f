/** MLflow experiments as Actlab projects: create, read, rename, delete/restore (soft), and key/value tags. */
import { type Db, prisma } from "./client";

export type ExperimentRecord = {
  id: string;
  name: string;
  createdAt: Date;
  deletedAt: Date | null;
  tags: { key: string; value: string }[];
};

const withTags = { keyTags: { select: { key: true, value: true }, orderBy: { key: "asc" as const } } };

function toRecord(p: {
  id: string;
  name: string;
  createdAt: Date;
  deletedAt: Date | null;
  keyTags: { key: string; value: string }[];
}): ExperimentRecord {
  return { id: p.id, name: p.name, createdAt: p.createdAt, deletedAt: p.deletedAt, tags: p.keyTags };
}

/** Every project of a workspace, oldest first (the first one is the default experiment). */
export async function listExperiments(db: Db, workspaceId: string): Promise<ExperimentRecord[]> {
  const rows = await db[prisma].project.findMany({
    where: { workspaceId },
    orderBy: { createdAt: "asc" },
    include: withTags,
  });
  return rows.map(toRecord);
}

export async function getExperiment(db: Db, projectId: string): Promise<ExperimentRecord | null> {
  const p = await db[prisma].project.findUnique({ where: { id: projectId }, include: withTags });
  return p ? toRecord(p) : null;
}

export async function findExperimentByName(
  db: Db,
  workspaceId: string,
  name: string,
): Promise<ExperimentRecord | null> {
  const p = await db[prisma].project.findFirst({ where: { workspaceId, name }, include: withTags });
  return p ? toRecord(p) : null;
}

/** A slug free in the workspace, derived from the name (the project's URL-safe handle). */
async function freeSlug(db: Db, workspaceId: string, name: string): Promise<string> {
  const base =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 40) || "experiment";
  for (let i = 0; ; i++) {
    const slug = i === 0 ? base : `${base}-${i + 1}`;
    if (!(await db[prisma].project.findUnique({ where: { workspaceId_slug: { workspaceId, slug } } })))
      return slug;
  }
}

/** Creates a project; null when the workspace already has one of that name (MLflow names are unique). */
export async function createExperiment(
  db: Db,
  workspaceId: string,
  name: string,
  tags: readonly { key: string; value: string }[],
): Promise<ExperimentRecord | null> {
  if (await findExperimentByName(db, workspaceId, name)) return null;
  const slug = await freeSlug(db, workspaceId, name);
  const p = await db[prisma].project.create({
    data: { workspaceId, name, slug, keyTags: { create: dedupeByKey(tags) } },
    include: withTags,
  });
  return toRecord(p);
}

/** The last value given for each key wins, as when tags are set one after another. */
export function dedupeByKey<T extends { key: string }>(items: readonly T[]): T[] {
  return [...new Map(items.map((t) => [t.key, t])).values()];
}

/** false when another project of the workspace already has the name. */
export async function renameExperiment(db: Db, projectId: string, name: string): Promise<boolean> {
  const p = await db[prisma].project.findUniqueOrThrow({ where: { id: projectId } });
  const clash = await db[prisma].project.findFirst({
    where: { workspaceId: p.workspaceId, name, id: { not: projectId } },
  });
  if (clash) return false;
  await db[prisma].project.update({ where: { id: projectId }, data: { name } });
  return true;
}

export async function setExperimentDeleted(db: Db, projectId: string, deleted: boolean): Promise<void> {
  await db[prisma].project.update({
    where: { id: projectId },
    data: { deletedAt: deleted ? new Date() : null },
  });
}

export async function setExperimentTag(db: Db, projectId: string, key: string, value: string): Promise<void> {
  await db[prisma].projectKeyTag.upsert({
    where: { projectId_key: { projectId, key } },
    update: { value },
    create: { projectId, key, value },
  });
}
