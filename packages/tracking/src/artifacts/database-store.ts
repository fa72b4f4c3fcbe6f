/**
 * The artifact store in the database: what one web process wrote, every other reads, with no shared
 * disk. Bytes go in as chunks (1 MiB) under a temporary path, then replace the artifact at once.
 */
import { randomBytes } from "node:crypto";
import { streamWithin } from "@actlab/api/network";
import {
  ARTIFACT_CHUNK_BYTES,
  type Db,
  deleteArtifactChunks,
  moveArtifactChunks,
  readArtifactChunk,
  writeArtifactChunk,
} from "@actlab/db";
import { type ArtifactStore, ArtifactTooLargeError } from "./artifact-store";

export function createDatabaseArtifactStore(db: Db, chunkBytes = ARTIFACT_CHUNK_BYTES): ArtifactStore {
  return {
    async write(runId, path, body, maxBytes) {
      // "//" never stands in a real artifact path (they are refused), so no artifact is named like this.
      const uploadPath = `${path}//upload-${randomBytes(6).toString("hex")}`;
      let pending = new Uint8Array(chunkBytes);
      let filled = 0;
      let seq = 0;
      const flush = async () => {
        await writeArtifactChunk(db, runId, uploadPath, seq++, pending.subarray(0, filled));
        pending = new Uint8Array(chunkBytes);
        filled = 0;
      };
      try {
        const size = await streamWithin(body, maxBytes, async (chunk) => {
          for (let at = 0; at < chunk.length; ) {
            const take = Math.min(chunkBytes - filled, chunk.length - at);
            pending.set(chunk.subarray(at, at + take), filled);
            filled += take;
            at += take;
            if (filled === chunkBytes) await flush();
          }
        });
        if (size === null) throw new ArtifactTooLargeError(maxBytes);
        // An empty file still has its one (empty) chunk: that row is what says it exists.
        if (filled > 0 || seq === 0) await flush();
        await moveArtifactChunks(db, runId, uploadPath, path);
        return size;
      } catch (err) {
        await deleteArtifactChunks(db, runId, uploadPath);
        throw err;
      }
    },
    async read(runId, path) {
      const first = await readArtifactChunk(db, runId, path, 0);
      if (!first) return null;
      let seq = 0;
      return new ReadableStream<Uint8Array>({
        async pull(controller) {
          const chunk = seq === 0 ? first : await readArtifactChunk(db, runId, path, seq);
          seq++;
          if (chunk && chunk.length > 0) controller.enqueue(chunk);
          if (!chunk || chunk.length < chunkBytes) controller.close();
        },
      });
    },
    async remove(runId, path) {
      await deleteArtifactChunks(db, runId, path);
    },
  };
}
