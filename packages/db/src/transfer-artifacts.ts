/**
 * The SQLite Actlab's MLflow artifacts usually live in its folder store (`<data>/artifacts/<run>/<path>`);
 * on PostgreSQL the default store is the database. The transfer brings each indexed file into the
 * ArtifactChunk table, in the same transaction and the same chunking the database store reads.
 */
import fs from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";
import type pg from "pg";
import { ARTIFACT_CHUNK_BYTES } from "./artifact-chunks";

export type ArtifactImport = {
  files: number;
  bytes: number;
  /** Indexed files the folder did not have (lost before the transfer): listed, not invented. */
  missing: string[];
};

export async function importFolderArtifacts(
  sqlite: Database.Database,
  client: pg.Client,
  folder: string,
): Promise<ArtifactImport> {
  const result: ArtifactImport = { files: 0, bytes: 0, missing: [] };
  // Files the SQLite Actlab already kept in its database came over with the ArtifactChunk table.
  const indexed = sqlite
    .prepare(
      `SELECT a."runId" AS runId, a."path" AS path FROM "RunArtifact" a
       WHERE NOT EXISTS (SELECT 1 FROM "ArtifactChunk" c WHERE c."runId" = a."runId" AND c."path" = a."path")
       ORDER BY a."runId", a."path"`,
    )
    .all() as { runId: string; path: string }[];
  for (const { runId, path: relative } of indexed) {
    const file = path.join(folder, runId, ...relative.split("/"));
    if (!fs.existsSync(file)) {
      result.missing.push(`${runId}/${relative}`);
      continue;
    }
    const handle = await fs.promises.open(file, "r");
    try {
      const buffer = Buffer.alloc(ARTIFACT_CHUNK_BYTES);
      for (let seq = 0; ; seq++) {
        const { bytesRead } = await handle.read(buffer, 0, ARTIFACT_CHUNK_BYTES, null);
        // An empty file still gets its one empty chunk: that row is what says it exists.
        if (bytesRead === 0 && seq > 0) break;
        await client.query(
          `INSERT INTO "ArtifactChunk" ("runId", "path", "seq", "bytes") VALUES ($1, $2, $3, $4)`,
          [runId, relative, seq, buffer.subarray(0, bytesRead)],
        );
        result.bytes += bytesRead;
        if (bytesRead < ARTIFACT_CHUNK_BYTES) break;
      }
      result.files++;
    } finally {
      await handle.close();
    }
  }
  return result;
}
