/**
 * Uploaded datasets: one row per version in a project, the bytes once per content hash. A project sees
 * and uses only its own rows; the bytes are reached through them, never by hash alone.
 */
import { type Db, prisma } from "./client";

export type DatasetShape = { rows: number; features: number; classes: number };

/** What an upload says about itself, as stored and as read back. */
type DatasetFacts = {
  projectId: string;
  name: string;
  hash: string;
  rows: number;
  features: number;
  classes: number;
  labelColumn: string;
  featureNames: string[];
  classNames: string[];
  classCounts: number[];
  fileName: string;
  fileBytes: number;
  createdById: string | null;
};

export type NewDatasetVersion = DatasetFacts & {
  /** The encoded table, compressed, and its size before compression. */
  blob: Uint8Array<ArrayBuffer>;
  blobSize: number;
};

export type DatasetVersion = DatasetFacts & { id: string; version: number; createdAt: Date };

type DatasetRow = Omit<DatasetVersion, "featureNames" | "classNames" | "classCounts"> & {
  featureNames: string;
  classNames: string;
  classCounts: string;
};

const asVersion = (row: DatasetRow): DatasetVersion => ({
  ...row,
  featureNames: JSON.parse(row.featureNames) as string[],
  classNames: JSON.parse(row.classNames) as string[],
  classCounts: JSON.parse(row.classCounts) as number[],
});

const isUniqueViolation = (e: unknown) =>
  typeof e === "object" && e !== null && "code" in e && (e as { code: unknown }).code === "P2002";

/**
 * Stores an upload. The same content again in the project is the dataset it already has (`created`
 * false, whatever name it was sent under); new content under a known name is that name's next version.
 */
export async function storeDatasetVersion(
  db: Db,
  input: NewDatasetVersion,
): Promise<{ dataset: DatasetVersion; created: boolean }> {
  const existing = await findProjectDataset(db, input.projectId, input.hash);
  if (existing) return { dataset: existing, created: false };
  try {
    const row = await db[prisma].$transaction(async (tx) => {
      await tx.datasetBlob.upsert({
        where: { hash: input.hash },
        create: { hash: input.hash, data: input.blob, size: input.blobSize },
        update: {},
      });
      const latest = await tx.dataset.aggregate({
        where: { projectId: input.projectId, name: input.name },
        _max: { version: true },
      });
      return tx.dataset.create({
        data: {
          projectId: input.projectId,
          name: input.name,
          version: (latest._max.version ?? 0) + 1,
          hash: input.hash,
          rows: input.rows,
          features: input.features,
          classes: input.classes,
          labelColumn: input.labelColumn,
          featureNames: JSON.stringify(input.featureNames),
          classNames: JSON.stringify(input.classNames),
          classCounts: JSON.stringify(input.classCounts),
          fileName: input.fileName,
          fileBytes: input.fileBytes,
          createdById: input.createdById,
        },
      });
    });
    return { dataset: asVersion(row), created: true };
  } catch (e) {
    // Two uploads at once: one stored the content (or took the version number); the other reads it back.
    if (!isUniqueViolation(e)) throw e;
    const again = await findProjectDataset(db, input.projectId, input.hash);
    if (again) return { dataset: again, created: false };
    return storeDatasetVersion(db, input);
  }
}

/** The project's dataset with this content hash, or null (another project's is null too). */
export async function findProjectDataset(
  db: Db,
  projectId: string,
  hash: string,
): Promise<DatasetVersion | null> {
  const row = await db[prisma].dataset.findUnique({ where: { projectId_hash: { projectId, hash } } });
  return row ? asVersion(row) : null;
}

/** Every version of every uploaded dataset in the project, newest first. */
export async function listProjectDatasets(db: Db, projectId: string): Promise<DatasetVersion[]> {
  const rows = await db[prisma].dataset.findMany({
    where: { projectId },
    orderBy: [{ name: "asc" }, { version: "desc" }],
  });
  return rows.map(asVersion);
}

/** What the launch budget checks: the shape of the project's dataset with this hash. */
export async function findDatasetShape(
  db: Db,
  projectId: string,
  hash: string,
): Promise<DatasetShape | null> {
  return db[prisma].dataset.findUnique({
    where: { projectId_hash: { projectId, hash } },
    select: { rows: true, features: true, classes: true },
  });
}

/** The stored (compressed) bytes of the project's dataset with this hash; null outside the project. */
export async function readProjectDatasetBlob(
  db: Db,
  projectId: string,
  hash: string,
): Promise<{ name: string; version: number; data: Uint8Array; size: number } | null> {
  const row = await db[prisma].dataset.findUnique({
    where: { projectId_hash: { projectId, hash } },
    select: { name: true, version: true, blob: { select: { data: true, size: true } } },
  });
  return row ? { name: row.name, version: row.version, data: row.blob.data, size: row.blob.size } : null;
}
