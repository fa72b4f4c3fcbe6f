/**
 * Artifact bytes kept in the database, for the database artifact store: pieces of up to a chunk each,
 * read one at a time so a large file never sits whole in memory. An upload is written under a temporary
 * path and takes the artifact's place in one transaction, so a reader sees the old file or the new one.
 */
import { type Db, prisma } from "./client";

/** Big enough that a row's overhead is noise, small enough that a reader holds little at a time. */
export const ARTIFACT_CHUNK_BYTES = 1024 * 1024;

export async function writeArtifactChunk(
  db: Db,
  runId: string,
  path: string,
  seq: number,
  bytes: Uint8Array,
): Promise<void> {
  await db[prisma].artifactChunk.create({ data: { runId, path, seq, bytes: Buffer.from(bytes) } });
}

/** Replaces the artifact at `path` by the chunks written under `uploadPath`. */
export async function moveArtifactChunks(
  db: Db,
  runId: string,
  uploadPath: string,
  path: string,
): Promise<void> {
  await db[prisma].$transaction([
    db[prisma].artifactChunk.deleteMany({ where: { runId, path } }),
    db[prisma].artifactChunk.updateMany({ where: { runId, path: uploadPath }, data: { path } }),
  ]);
}

/** Piece `seq` of the artifact, or null past its end (or when there is no such artifact). */
export async function readArtifactChunk(
  db: Db,
  runId: string,
  path: string,
  seq: number,
): Promise<Uint8Array | null> {
  const row = await db[prisma].artifactChunk.findUnique({
    where: { runId_path_seq: { runId, path, seq } },
    select: { bytes: true },
  });
  return row ? new Uint8Array(row.bytes) : null;
}

export async function deleteArtifactChunks(db: Db, runId: string, path: string): Promise<void> {
  await db[prisma].artifactChunk.deleteMany({ where: { runId, path } });
}
