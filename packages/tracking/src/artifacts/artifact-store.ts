/**
 * Where artifact bytes live: a folder (one host) or the database (several web processes, no shared
 * disk); an object store could stand in later. The database keeps the index (path, size) either way, and
 * the access checks happen before any call here.
 */
export type ArtifactStore = {
  /** Streams `body` to the run's `path` (replacing it), refusing past `maxBytes`; returns the size. */
  write(runId: string, path: string, body: ReadableStream<Uint8Array>, maxBytes: number): Promise<number>;
  /** The bytes as a stream, or null when the file is not there. */
  read(runId: string, path: string): Promise<ReadableStream<Uint8Array> | null>;
  remove(runId: string, path: string): Promise<void>;
};

export class ArtifactTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`Artifact is larger than the ${maxBytes}-byte limit`);
  }
}
